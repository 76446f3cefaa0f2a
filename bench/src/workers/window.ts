/** What the coordinator reads from every reader, stock or lean, during an edit run. */
export interface EditWindow {
  /** Resolves once open and synced; rejects on refusal, close or timeout. */
  ready(timeoutMs: number): Promise<void>;
  expect(from: number, count: number): void;
  readonly complete: boolean;
  readonly broken: boolean;
  readonly times: Float64Array;
  close(): void;
}

/** Arrival times of edits `from … from + count - 1` (NaN until each arrived). */
export class EditTimes {
  private window: { from: number; times: Float64Array; filled: number } | null = null;

  expect(from: number, count: number): void {
    this.window = { from, times: new Float64Array(count).fill(Number.NaN), filled: 0 };
  }

  /** Edit number `edit` (from 0 over the whole run) arrived at `at`. */
  mark(edit: number, at: number): void {
    const window = this.window;
    if (!window) return;
    const index = edit - window.from;
    if (index >= 0 && index < window.times.length && Number.isNaN(window.times[index])) {
      window.times[index] = at;
      window.filled++;
    }
  }

  get complete(): boolean {
    return this.window !== null && this.window.filled === this.window.times.length;
  }

  get times(): Float64Array {
    return this.window?.times ?? new Float64Array(0);
  }
}
