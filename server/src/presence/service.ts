import { PresenceEvents, type RoomPresence } from '@roundtable/shared';
import type { Logger } from '../logger.js';
import type { RoundtableServer, RoundtableSocket } from '../module.js';
import type { Attendance } from './attendance.js';
import {
  aggregatePresence,
  diffPresence,
  versionOf,
  type ConnectionRecord,
  type RoomFields,
} from './core.js';
import type { PresenceChange, PresenceStore } from './store.js';

/** Socket.IO room of the people present in a room: the only ones its presence is pushed to. */
export const presenceRoom = (roomId: string): string => `presence:${roomId}`;

export interface PresenceServiceDeps {
  io: RoundtableServer;
  store: PresenceStore;
  attendance: Attendance;
  logger: Logger;
  now: () => number;
  /** Called after every change that people can see (the event-wide counts follow it). */
  onRoomChanged(roomId: string): void;
}

interface LocalSocket {
  socket: RoundtableSocket;
  /** Rooms this socket is present in, with the record it was added with (re-added after a sweep). */
  rooms: Map<string, ConnectionRecord>;
  /** Commands of one socket run one after another: a leave never overtakes its own join. */
  queue: Promise<unknown>;
  gone: boolean;
}

/**
 * Presence of this instance's sockets over a shared `PresenceStore`: applies changes, announces
 * the person-level deltas they cause, keeps attendance, and keeps this instance alive.
 */
export function createPresenceService(deps: PresenceServiceDeps) {
  const { io, store, attendance, logger, now } = deps;
  const locals = new Map<string, LocalSocket>();
  /** Removals that failed (store unreachable); retried on every tick so no entry is orphaned. */
  const pendingRemovals = new Map<string, { roomId: string; socketId: string }>();
  let closed = false;

  const snapshot = (roomId: string, fields: RoomFields): RoomPresence => ({
    roomId,
    version: versionOf(fields),
    entries: aggregatePresence(fields),
  });

  const announce = async (change: PresenceChange, swept = false): Promise<void> => {
    const deltas = diffPresence(change.before, change.after);
    if (deltas.length === 0) return;
    const { roomId } = change;
    const version = versionOf(change.after);
    const target = io.to(presenceRoom(roomId));
    for (const delta of deltas) {
      if (delta.kind === 'joined')
        target.emit(PresenceEvents.Joined, { roomId, version, entry: delta.entry });
      else if (delta.kind === 'updated')
        target.emit(PresenceEvents.Updated, { roomId, version, entry: delta.entry });
      else target.emit(PresenceEvents.Left, { roomId, version, personId: delta.personId });
    }
    deps.onRoomChanged(roomId);
    // Attendance follows the pushes: a slow store must not delay what people see.
    const at = now();
    for (const delta of deltas) {
      try {
        if (delta.kind === 'joined') await attendance.opened(roomId, delta.entry.personId, at);
        if (delta.kind === 'left') await attendance.closed(roomId, delta.personId, swept ? null : at);
      } catch (err) {
        logger.error({ err, roomId }, 'attendance write failed');
      }
    }
  };

  const enqueue = <T>(local: LocalSocket, run: () => Promise<T>): Promise<T> => {
    const next = local.queue.then(run);
    local.queue = next.catch(() => undefined);
    return next;
  };

  const localOf = (socket: RoundtableSocket): LocalSocket => {
    let local = locals.get(socket.id);
    if (!local) {
      local = { socket, rooms: new Map(), queue: Promise.resolve(), gone: false };
      locals.set(socket.id, local);
    }
    return local;
  };

  const remove = async (local: LocalSocket, roomId: string): Promise<void> => {
    if (!local.rooms.delete(roomId)) return;
    await local.socket.leave(presenceRoom(roomId));
    try {
      await announce(await store.apply(roomId, { kind: 'remove', connectionId: local.socket.id }));
    } catch (err) {
      logger.warn({ err, roomId }, 'presence removal failed; retrying on the next heartbeat');
      pendingRemovals.set(`${roomId}\n${local.socket.id}`, { roomId, socketId: local.socket.id });
    }
  };

  const add = async (local: LocalSocket, roomId: string, record: ConnectionRecord) => {
    const change = await store.apply(roomId, { kind: 'add', connectionId: local.socket.id, record });
    local.rooms.set(roomId, record);
    pendingRemovals.delete(`${roomId}\n${local.socket.id}`);
    await announce(change);
    return change;
  };

  return {
    /** Adds the socket to a room's presence; returns the room's list including it. */
    join(socket: RoundtableSocket, roomId: string, record: ConnectionRecord): Promise<RoomPresence> {
      // Checked before creating local state, or a join racing a disconnect would leak it.
      if (closed || !socket.connected) return Promise.reject(new Error('socket is gone'));
      const local = localOf(socket);
      return enqueue(local, async () => {
        if (local.gone || closed) throw new Error('socket is gone');
        const existing = local.rooms.get(roomId);
        // Join the Socket.IO room first: a change made right after our add must reach this socket.
        await socket.join(presenceRoom(roomId));
        try {
          const change = await add(local, roomId, { ...record, since: existing?.since ?? record.since });
          return snapshot(roomId, change.after);
        } catch (err) {
          // Not present, so not a listener either.
          if (!existing) await socket.leave(presenceRoom(roomId));
          throw err;
        }
      });
    },

    leave(socket: RoundtableSocket, roomId: string): Promise<void> {
      const local = localOf(socket);
      return enqueue(local, () => remove(local, roomId));
    },

    /** Everything a disconnected socket held, removed after its pending commands. */
    disconnect(socket: RoundtableSocket): Promise<void> {
      const local = locals.get(socket.id);
      if (!local) return Promise.resolve();
      local.gone = true;
      return enqueue(local, async () => {
        for (const roomId of [...local.rooms.keys()]) await remove(local, roomId);
        locals.delete(socket.id);
      });
    },

    async setMedia(roomId: string, personId: string, inMedia: boolean): Promise<void> {
      await announce(await store.apply(roomId, { kind: 'media', personId, inMedia }));
    },

    async list(roomId: string): Promise<RoomPresence> {
      return snapshot(roomId, await store.read(roomId));
    },

    /** Heartbeat, retry failed removals, sweep dead instances, refresh attendance. */
    async tick(): Promise<void> {
      if ((await store.heartbeat()) === 'swept') {
        logger.warn('this instance was taken for dead; adding its connections again');
        for (const local of locals.values()) {
          for (const [roomId, record] of local.rooms) {
            await enqueue(local, async () => {
              if (local.rooms.has(roomId)) await add(local, roomId, record);
            });
          }
        }
      }
      for (const [key, { roomId, socketId }] of pendingRemovals) {
        try {
          await announce(await store.apply(roomId, { kind: 'remove', connectionId: socketId }));
          pendingRemovals.delete(key);
        } catch (err) {
          logger.warn({ err, roomId }, 'presence removal failed again');
        }
      }
      for (const change of await store.sweep()) await announce(change, true);
      const present = new Map<string, Set<string>>();
      for (const local of locals.values()) {
        for (const [roomId, record] of local.rooms) {
          present.set(roomId, (present.get(roomId) ?? new Set()).add(record.personId));
        }
      }
      const at = now();
      for (const [roomId, people] of present) await attendance.touch(roomId, [...people], at);
    },

    /** Clean shutdown: everyone here leaves (announced to the other instances), then unregisters. */
    async close(): Promise<void> {
      closed = true;
      for (const local of locals.values()) {
        await enqueue(local, async () => {
          for (const roomId of [...local.rooms.keys()]) await remove(local, roomId);
        });
      }
      locals.clear();
      await store.close();
    },
  };
}

export type PresenceService = ReturnType<typeof createPresenceService>;
