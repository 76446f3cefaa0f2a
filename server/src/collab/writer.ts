import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Store } from '../store/db.js';
import { nowIso } from '../store/db.js';
import { appendDocUpdates } from './persistence.js';

export interface UpdateWriterDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  clock: () => number;
  maxRowsPerInsert: number;
  retryInitialMs: number;
  retryMaxMs: number;
  /** Called once per document after its updates are durable (fan-out to other instances). */
  onStored(docName: string, updates: Uint8Array[]): void;
  /** Called when a document has nothing left to store (it may now leave memory). */
  onDrained(docName: string): void;
}

/**
 * Stores accepted updates with group commit: the first update after an idle period is written
 * on the next turn of the event loop, and everything that arrives while a write is in flight goes
 * into the next multi-row insert. Latency stays at one write when idle (≈0.02 ms on SQLite, a
 * round trip on PostgreSQL) and batches grow by themselves under load, which a fixed flush timer
 * would trade for up to its period of added latency.
 *
 * A failed write is logged, counted, reported by `readiness()` and retried with backoff; its
 * updates stay pending (and keep their document in memory) until they are stored.
 */
export class UpdateWriter {
  private pending = new Map<string, Uint8Array[]>();
  private inFlight = new Map<string, number>();
  private running: Promise<void> | null = null;
  private scheduled = false;
  private failure: string | null = null;
  private readonly idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly deps: UpdateWriterDeps) {}

  enqueue(docName: string, update: Uint8Array): void {
    const list = this.pending.get(docName);
    if (list) list.push(update);
    else this.pending.set(docName, [update]);
    if (!this.running && !this.scheduled) {
      this.scheduled = true;
      // setImmediate, not a microtask: updates from the same socket read land in one insert.
      setImmediate(() => {
        this.scheduled = false;
        this.start();
      });
    }
  }

  /** Updates of this document not yet durable (queued or being written). */
  pendingCount(docName: string): number {
    return (this.pending.get(docName)?.length ?? 0) + (this.inFlight.get(docName) ?? 0);
  }

  /** Why this instance should not take traffic, or null. */
  readiness(): string | null {
    return this.failure;
  }

  /** Resolves once everything enqueued so far (and since) is stored. */
  flush(): Promise<void> {
    if (!this.running && this.pending.size === 0) return Promise.resolve();
    this.start();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stores what is pending, retrying for at most `timeoutMs`. Whatever could not be stored by
   * then is reported as an error with its size: the clients still hold those edits and send them
   * again when they reconnect, but an operator must know this instance could not store them.
   */
  async close(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.flush().then(() => 'flushed' as const), timedOut]);
    clearTimeout(timer);
    this.closed = true;
    if (result === 'timeout') {
      const unsaved = [...this.pending.values()].reduce((n, list) => n + list.length, 0);
      this.deps.logger.error(
        { unsaved, failure: this.failure },
        'shutdown: document updates could not be stored',
      );
    }
  }

  private start(): void {
    if (this.running || this.pending.size === 0) return;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.pending.size > 0 && !this.closed) this.start();
      else if (this.pending.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    });
  }

  private async run(): Promise<void> {
    let delay = this.deps.retryInitialMs;
    while (this.pending.size > 0) {
      const batch = this.takeBatch();
      const rows = [...batch].flatMap(([docName, updates]) => updates.map((update) => ({ docName, update })));
      try {
        await appendDocUpdates(this.deps.store.db, rows, nowIso(this.deps.clock), this.deps.maxRowsPerInsert);
      } catch (err) {
        this.requeue(batch);
        this.deps.metrics.storeWriteFailures.inc({ kind: 'doc_updates' });
        this.failure = `storing document updates failed: ${err instanceof Error ? err.message : String(err)}`;
        this.deps.logger.error(
          { err, rows: rows.length, retryInMs: delay },
          'storing document updates failed',
        );
        if (this.closed) return;
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, this.deps.retryMaxMs);
        continue;
      }
      this.failure = null;
      delay = this.deps.retryInitialMs;
      for (const [docName, updates] of batch) {
        this.inFlight.delete(docName);
        this.deps.onStored(docName, updates);
        if (this.pendingCount(docName) === 0) this.deps.onDrained(docName);
      }
    }
  }

  private takeBatch(): Map<string, Uint8Array[]> {
    const batch = new Map<string, Uint8Array[]>();
    let budget = this.deps.maxRowsPerInsert;
    for (const [docName, updates] of this.pending) {
      if (budget === 0) break;
      const taken = updates.splice(0, budget);
      budget -= taken.length;
      batch.set(docName, taken);
      this.inFlight.set(docName, taken.length);
      if (updates.length === 0) this.pending.delete(docName);
    }
    return batch;
  }

  /** Puts a failed batch back in front of what arrived meanwhile, keeping each document's order. */
  private requeue(batch: Map<string, Uint8Array[]>): void {
    const next = new Map<string, Uint8Array[]>();
    for (const [docName, updates] of batch) {
      this.inFlight.delete(docName);
      next.set(docName, [...updates, ...(this.pending.get(docName) ?? [])]);
    }
    for (const [docName, updates] of this.pending) if (!next.has(docName)) next.set(docName, updates);
    this.pending = next;
  }
}
