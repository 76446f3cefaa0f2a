/** One `clock:ping` round trip: local send and receive times around the server's clock reading. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

/**
 * The server clock minus the local clock, from round trips. Each sample assumes the server read its
 * clock halfway through the trip; the median drops the samples a slow trip distorted.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number | null {
  if (samples.length === 0) return null;
  const offsets = samples
    .map((s) => s.serverNow + (s.receivedAt - s.sentAt) / 2 - s.receivedAt)
    .sort((a, b) => a - b);
  const middle = Math.floor(offsets.length / 2);
  const median = offsets.length % 2 === 1 ? offsets[middle]! : (offsets[middle - 1]! + offsets[middle]!) / 2;
  return Math.round(median);
}

type Listener = () => void;

let offsetMs = 0;
const listeners = new Set<Listener>();

/** The current estimate of server time in epoch milliseconds. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The current offset (server − local), 0 until the first measurement. */
export function clockOffset(): number {
  return offsetMs;
}

/** Replaces the offset; countdowns re-render with the new one. */
export function setClockOffset(next: number): void {
  if (next === offsetMs) return;
  offsetMs = next;
  for (const listener of listeners) listener();
}

export function subscribeClockOffset(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
