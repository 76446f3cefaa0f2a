import { PresenceEvents, type EventCounts, type RoomCount } from '@roundtable/shared';
import { canInRoom, type Actor } from '@roundtable/shared';
import { findRoom, listRooms } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { RoundtableServer, RoundtableSocket } from '../module.js';
import type { Db } from '../store/db.js';
import { countPresence, versionOf } from './core.js';
import type { PresenceStore } from './store.js';

/**
 * Socket.IO room of the viewers allowed to see one room's counts. Viewers join one per room they
 * may enter, so a push about a room reaches nobody who may not enter it — the event-wide view
 * never carries another room's details.
 */
export const countsRoom = (roomId: string): string => `presence-count:${roomId}`;

export interface EventCountsDeps {
  io: RoundtableServer;
  db: Db;
  store: PresenceStore;
  logger: Logger;
  /** Least time between two pushes about one room from this instance. */
  intervalMs: number;
}

/** The event-wide view: counts per room, pushed at most once per `intervalMs` per room and instance. */
export interface EventCountsView {
  /** Joins the viewer to the counts of every room of the event they may enter; returns them. */
  watch(socket: RoundtableSocket, actor: Actor, eventId: string): Promise<EventCounts>;
  unwatch(socket: RoundtableSocket, eventId: string): Promise<void>;
  /** Notes that a room's presence changed; a push follows within `intervalMs`. */
  roomChanged(roomId: string): void;
  close(): void;
}

export function createEventCounts(deps: EventCountsDeps): EventCountsView {
  const { io, db, store, logger, intervalMs } = deps;
  const eventOfRoom = new Map<string, string>();
  const lastPush = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const countOf = async (roomId: string): Promise<RoomCount> => {
    const fields = await store.read(roomId);
    return { roomId, ...countPresence(fields), version: versionOf(fields) };
  };

  const eventIdOf = async (roomId: string): Promise<string | null> => {
    const known = eventOfRoom.get(roomId);
    if (known) return known;
    const room = await findRoom(db, roomId);
    if (room) eventOfRoom.set(roomId, room.eventId);
    return room?.eventId ?? null;
  };

  // Counts are read when the push is sent, not when the change happened: a burst of joins costs
  // one read and one push, and the last push always carries the latest count.
  const push = async (roomId: string): Promise<void> => {
    lastPush.set(roomId, Date.now());
    const eventId = await eventIdOf(roomId);
    if (!eventId) return;
    io.to(countsRoom(roomId)).emit(PresenceEvents.Counts, { eventId, rooms: [await countOf(roomId)] });
  };

  return {
    async watch(socket, actor, eventId) {
      const rooms = (await listRooms(db, eventId)).filter((room) =>
        canInRoom(actor, 'room:view', room, { admission: 'admitted' }),
      );
      for (const room of rooms) eventOfRoom.set(room.id, eventId);
      // Join before reading: a change in between is then pushed too, and the version orders them.
      await socket.join(rooms.map((room) => countsRoom(room.id)));
      return { eventId, rooms: await Promise.all(rooms.map((room) => countOf(room.id))) };
    },
    async unwatch(socket, eventId) {
      for (const room of await listRooms(db, eventId)) await socket.leave(countsRoom(room.id));
    },
    roomChanged(roomId) {
      // Shutdown announces everyone's leave after this closed; their counts go unpushed.
      if (closed || timers.has(roomId)) return;
      const wait = Math.max(0, (lastPush.get(roomId) ?? 0) + intervalMs - Date.now());
      const timer = setTimeout(() => {
        timers.delete(roomId);
        push(roomId).catch((err: unknown) => logger.error({ err, roomId }, 'presence counts push failed'));
      }, wait);
      timer.unref();
      timers.set(roomId, timer);
    },
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
