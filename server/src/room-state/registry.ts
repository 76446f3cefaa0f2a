import type { z } from 'zod';
import { createRoomStateStore, type RoomStateStore, type RoomStateStoreDeps } from './store.js';

/**
 * The owner of the `room_state` rows of every versioned per-room state (speaking order, lobby,
 * current agenda item, and whatever comes next). One store per kind per instance: the in-process
 * backend lives in the store, so two stores of one kind would not see each other's changes.
 */
export interface RoomStates {
  /** The store of `kind`, created on first use; later calls get the same store. */
  open<S>(kind: string, schema: z.ZodType<S>, initial: () => S): RoomStateStore<S>;
  /** The first kind whose durable writes fail, or null. */
  readiness(): string | null;
  /** Waits for every store's queued changes. */
  close(): Promise<void>;
}

export function createRoomStates(deps: RoomStateStoreDeps): RoomStates {
  const stores = new Map<string, RoomStateStore<unknown>>();
  return {
    open<S>(kind: string, schema: z.ZodType<S>, initial: () => S): RoomStateStore<S> {
      const existing = stores.get(kind);
      if (existing) return existing as RoomStateStore<S>;
      const created = createRoomStateStore(kind, schema, initial, deps);
      stores.set(kind, created);
      return created;
    },
    readiness() {
      for (const store of stores.values()) {
        const problem = store.readiness();
        if (problem) return problem;
      }
      return null;
    },
    async close() {
      await Promise.all([...stores.values()].map((store) => store.close()));
    },
  };
}
