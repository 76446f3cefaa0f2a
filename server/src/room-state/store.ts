import { ErrorCode } from '@roundtable/shared';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Clock } from '../module.js';
import type { Metrics } from '../observability/metrics.js';
import type { RedisDeps } from '../realtime/redis.js';
import { CommandError } from '../realtime/with-schema.js';
import type { Store } from '../store/db.js';
import { memoryStateBackend, redisStateBackend, type StateBackend } from './backends.js';

export interface Versioned<S> {
  state: S;
  version: number;
}

/**
 * A change to try: the next state and a result, or a refusal. Must be pure (it may be retried).
 * Returning the very same state object accepts without a new version (nothing changed).
 */
export type Transition<S, R> = (
  state: S,
  now: number,
) => { state: S; result: R } | { error: { code: string; message: string } };

export type Outcome<S, R> =
  | { accepted: true; state: S; version: number; result: R; at: number }
  | { accepted: false; error: { code: string; message: string } };

/**
 * Versioned, server-owned state per room (used by the speaking order and the lobby). Live copy in
 * Redis when configured (every instance sees it; changed by compare-and-set) or in process; every
 * accepted version is also written to the store's `room_state`, which reseeds Redis after a flush
 * or a restart of everything.
 */
export interface RoomStateStore<S> {
  get(roomId: string): Promise<Versioned<S>>;
  /** Applies `transition` atomically; each accepted one gets its own version (previous + 1). */
  update<R>(roomId: string, transition: Transition<S, R>): Promise<Outcome<S, R>>;
  /** Every stored state of this kind (durable copy), e.g. to re-arm timers after a restart. */
  stored(): Promise<Array<{ roomId: string; state: S }>>;
  /** Why this instance is not ready (a failing durable write), or null. */
  readiness(): string | null;
  /** Waits for queued changes to finish. */
  close(): Promise<void>;
}

export interface RoomStateStoreDeps {
  store: Store;
  redis: RedisDeps | null;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

interface Job<S> {
  transition: Transition<S, unknown>;
  resolve(outcome: Outcome<S, unknown>): void;
  reject(err: unknown): void;
}

/** Commands applied in one compare-and-set: bounds the retry cost under contention. */
const MAX_BATCH = 256;
const MAX_ATTEMPTS = 100;
/** Backoff of the retries that bring the store up to date after it was unreachable. */
const RETRY_INITIAL_MS = 250;
const RETRY_MAX_MS = 5_000;

export function createRoomStateStore<S>(
  kind: string,
  schema: z.ZodType<S>,
  initial: () => S,
  deps: RoomStateStoreDeps,
): RoomStateStore<S> {
  const { store, clock, logger, metrics } = deps;
  const backend: StateBackend = deps.redis ? redisStateBackend(deps.redis, kind) : memoryStateBackend();
  const cache = new Map<string, Versioned<S>>();
  const queues = new Map<string, Job<S>[]>();
  const active = new Set<string>();
  const inflight = new Set<Promise<void>>();
  let writeFailure: string | null = null;

  const loadDurable = async (roomId: string): Promise<Versioned<S> | null> => {
    const row = await store.db
      .selectFrom('room_state')
      .select(['state', 'version'])
      .where('room_id', '=', roomId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? { state: schema.parse(JSON.parse(row.state)), version: Number(row.version) } : null;
  };

  // Writes land in any order from several instances: only a newer version replaces a stored one.
  const write = async (roomId: string, json: string, version: number): Promise<void> => {
    await store.db
      .insertInto('room_state')
      .values({
        room_id: roomId,
        kind,
        state: json,
        version,
        updated_at: new Date(clock.now()).toISOString(),
      })
      .onConflict((oc) =>
        oc
          .columns(['room_id', 'kind'])
          .doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            version: eb.ref('excluded.version'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('room_state.version', '<', version),
      )
      .execute();
  };

  // The newest version of each room the store does not have yet (the store was unreachable). It is
  // written again with backoff until it lands: the live copy stays the record meanwhile, and each
  // write carries the whole state, so the store never holds half of a change.
  const unstored = new Map<string, { json: string; version: number }>();
  let retryTimer: NodeJS.Timeout | null = null;
  let retryDelay = RETRY_INITIAL_MS;
  const scheduleRetry = (): void => {
    if (retryTimer || unstored.size === 0) return;
    retryTimer = setTimeout(() => void retryUnstored(), retryDelay);
    retryTimer.unref();
  };
  const retryUnstored = async (): Promise<void> => {
    retryTimer = null;
    for (const [roomId, pending] of [...unstored]) {
      try {
        await write(roomId, pending.json, pending.version);
        if (unstored.get(roomId) === pending) unstored.delete(roomId);
      } catch (err) {
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
        logger.warn({ err, roomId, kind, retryInMs: retryDelay }, 'room state still not stored; retrying');
        scheduleRetry();
        return;
      }
    }
    retryDelay = RETRY_INITIAL_MS;
    if (unstored.size === 0) writeFailure = null;
    else scheduleRetry();
  };

  const persist = async (roomId: string, json: string, version: number): Promise<void> => {
    try {
      await write(roomId, json, version);
      const pending = unstored.get(roomId);
      if (pending && pending.version <= version) unstored.delete(roomId);
      if (unstored.size === 0) writeFailure = null;
    } catch (err) {
      metrics.storeWriteFailures.inc({ kind: `room_state:${kind}` });
      writeFailure = `cannot store ${kind} state: ${String(err)}`;
      const pending = unstored.get(roomId);
      if (!pending || pending.version < version) unstored.set(roomId, { json, version });
      scheduleRetry();
      logger.error(
        { err, roomId, kind, version },
        'room state write failed; the live copy is ahead of the store until a retry lands',
      );
    }
  };

  /** The current state: the cached copy when the live version still matches, else the live one. */
  const read = async (roomId: string): Promise<Versioned<S>> => {
    const cached = cache.get(roomId) ?? null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const live = await backend.read(roomId, cached?.version ?? null);
      if (live) {
        if (live.json === null && cached) return cached;
        if (live.json !== null) {
          // Only this code writes the live copy, after the transition built it from validated
          // input; re-validating a long list on every read would dominate a burst of commands.
          const fresh = { state: JSON.parse(live.json) as S, version: live.version };
          cache.set(roomId, fresh);
          return fresh;
        }
      }
      // Nothing live (first use, Redis flushed, or a restart of everything): the store reseeds it.
      // An untouched room is seeded too, at version 0, so its next reads need no store query.
      const seed = (await loadDurable(roomId)) ?? { state: initial(), version: 0 };
      await backend.seed(roomId, JSON.stringify(seed.state), seed.version);
    }
    throw new CommandError(ErrorCode.Unavailable, 'The room state could not be loaded; try again.');
  };

  const runBatch = async (roomId: string, batch: Job<S>[]): Promise<void> => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await read(roomId);
      let { state, version } = current;
      const outcomes: Array<Outcome<S, unknown> | { thrown: unknown }> = [];
      for (const job of batch) {
        const at = clock.now();
        try {
          const result = job.transition(state, at);
          if ('error' in result) {
            outcomes.push({ accepted: false, error: result.error });
          } else if (result.state === state) {
            outcomes.push({ accepted: true, state, version, result: result.result, at });
          } else {
            state = result.state;
            version += 1;
            outcomes.push({ accepted: true, state, version, result: result.result, at });
          }
        } catch (err) {
          outcomes.push({ thrown: err });
        }
      }
      if (version !== current.version) {
        const json = JSON.stringify(state);
        if (!(await backend.compareAndSet(roomId, current.version, json, version))) {
          cache.delete(roomId);
          continue;
        }
        cache.set(roomId, { state, version });
        await persist(roomId, json, version);
      }
      batch.forEach((job, i) => {
        const outcome = outcomes[i]!;
        if ('thrown' in outcome) job.reject(outcome.thrown);
        else job.resolve(outcome);
      });
      return;
    }
    throw new CommandError(ErrorCode.Unavailable, 'The room is too busy right now; try again.');
  };

  // One worker per room on this instance: commands queue up and go in batches, so contention is
  // only ever between instances, never between commands of the same instance.
  const drain = async (roomId: string): Promise<void> => {
    for (;;) {
      const queue = queues.get(roomId);
      if (!queue || queue.length === 0) {
        // Synchronously with the emptiness check, so a command queued next starts a new worker.
        queues.delete(roomId);
        active.delete(roomId);
        return;
      }
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await runBatch(roomId, batch);
      } catch (err) {
        for (const job of batch) job.reject(err);
      }
    }
  };

  return {
    get: read,
    update<R>(roomId: string, transition: Transition<S, R>): Promise<Outcome<S, R>> {
      return new Promise<Outcome<S, R>>((resolve, reject) => {
        const queue = queues.get(roomId) ?? [];
        queues.set(roomId, queue);
        queue.push({
          transition,
          resolve: resolve as (outcome: Outcome<S, unknown>) => void,
          reject,
        });
        if (!active.has(roomId)) {
          active.add(roomId);
          const run = drain(roomId);
          inflight.add(run);
          void run.finally(() => inflight.delete(run));
        }
      });
    },
    async stored() {
      const rows = await store.db
        .selectFrom('room_state')
        .select(['room_id', 'state'])
        .where('kind', '=', kind)
        .execute();
      return rows.flatMap((row) => {
        const parsed = schema.safeParse(JSON.parse(row.state));
        return parsed.success ? [{ roomId: row.room_id, state: parsed.data }] : [];
      });
    },
    readiness: () => writeFailure,
    async close() {
      await Promise.allSettled([...inflight]);
      if (retryTimer) clearTimeout(retryTimer);
      // One last attempt: a state the store missed would otherwise wait for the room's next change.
      if (unstored.size > 0) await retryUnstored();
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
