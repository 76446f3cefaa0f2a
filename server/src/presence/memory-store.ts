import { applyPresenceOp, type PresenceOp } from './core.js';
import { qualifyOp, type PresenceChange, type PresenceStore } from './store.js';

/**
 * In-process presence, shaped like the Redis layout so both stores behave alike. Several stores
 * may share one backend (tests use that to play several instances); in production without Redis
 * there is one instance and one backend.
 */
export interface MemoryPresenceBackend {
  rooms: Map<string, Map<string, string>>;
  /** Registered instances and when their heartbeat expires (ms). */
  instances: Map<string, number>;
  /** Rooms each instance has written connections to. */
  roomsOf: Map<string, Set<string>>;
}

export function createMemoryPresenceBackend(): MemoryPresenceBackend {
  return { rooms: new Map(), instances: new Map(), roomsOf: new Map() };
}

export interface MemoryPresenceStoreOptions {
  backend: MemoryPresenceBackend;
  instanceId: string;
  ttlMs: number;
  now: () => number;
}

export function createMemoryPresenceStore(options: MemoryPresenceStoreOptions): PresenceStore {
  const { backend, instanceId, ttlMs, now } = options;
  let registered = false;

  const applyNow = (roomId: string, op: PresenceOp): PresenceChange => {
    const before = new Map(backend.rooms.get(roomId) ?? []);
    const after = applyPresenceOp(before, op);
    backend.rooms.set(roomId, after);
    if (op.kind === 'add') {
      const rooms = backend.roomsOf.get(instanceId) ?? new Set<string>();
      rooms.add(roomId);
      backend.roomsOf.set(instanceId, rooms);
    }
    return { roomId, before, after };
  };

  return {
    instanceId,
    apply: (roomId, op) => Promise.resolve(applyNow(roomId, qualifyOp(instanceId, op))),
    read: (roomId) => Promise.resolve(new Map(backend.rooms.get(roomId) ?? [])),
    heartbeat() {
      const known = backend.instances.has(instanceId);
      backend.instances.set(instanceId, now() + ttlMs);
      const result = registered && !known ? 'swept' : 'alive';
      registered = true;
      return Promise.resolve(result);
    },
    sweep() {
      const changes: PresenceChange[] = [];
      for (const [deadId, expiresAt] of backend.instances) {
        if (deadId === instanceId || expiresAt > now()) continue;
        for (const roomId of backend.roomsOf.get(deadId) ?? []) {
          changes.push(applyNow(roomId, { kind: 'remove-instance', instanceId: deadId }));
        }
        backend.roomsOf.delete(deadId);
        backend.instances.delete(deadId);
      }
      return Promise.resolve(changes);
    },
    close() {
      backend.instances.delete(instanceId);
      backend.roomsOf.delete(instanceId);
      return Promise.resolve();
    },
  };
}
