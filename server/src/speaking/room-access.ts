import { ErrorCode, type Room, type Speaker, type SpeakingRole } from '@roundtable/shared';
import { canInRoom, type Actor, type RoomAction } from '../access/can.js';
import { loadActor } from '../access/load-actor.js';
import { findRoom } from '../events/store.js';
import type { Clock } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import type { Db } from '../store/db.js';

/** A person as commands need them: the access facts and the name shown on the list. */
export interface Person {
  actor: Actor;
  name: string;
}

/**
 * Cache of rooms and actors for socket commands (hand raises arrive in bursts, right after the
 * subscriptions that loaded them). Entries are dropped at once on an access change (every role,
 * membership and room-rule change publishes one), so a revoked role never outlives the notice;
 * `ttlMs` only bounds what a change made behind the API's back can leave.
 */
export interface RoomAccess {
  room(roomId: string): Promise<Room | null>;
  person(personId: string): Promise<Person | null>;
  /** The actor and room, or `not_found` / `forbidden` when they may not do `action` there. */
  authorize(personId: string, roomId: string, action: RoomAction): Promise<{ person: Person; room: Room }>;
  invalidate(change: { personIds: readonly string[]; roomIds: readonly string[] }): void;
}

export function createRoomAccess(db: Db, clock: Clock, ttlMs = 60_000): RoomAccess {
  const rooms = new Map<string, { value: Promise<Room | null>; at: number }>();
  const people = new Map<string, { value: Promise<Person | null>; at: number }>();

  function cached<T>(
    map: Map<string, { value: Promise<T>; at: number }>,
    key: string,
    load: () => Promise<T>,
  ) {
    const hit = map.get(key);
    if (hit && clock.now() - hit.at < ttlMs) return hit.value;
    const value = load();
    map.set(key, { value, at: clock.now() });
    // A failed load must not stick in the cache.
    value.catch(() => map.delete(key));
    return value;
  }

  const loadPerson = async (personId: string): Promise<Person | null> => {
    const [actor, row] = await Promise.all([
      loadActor(db, personId),
      db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst(),
    ]);
    return actor && row ? { actor, name: row.name } : null;
  };

  const access: RoomAccess = {
    room: (roomId) => cached(rooms, roomId, () => findRoom(db, roomId)),
    person: (personId) => cached(people, personId, () => loadPerson(personId)),
    async authorize(personId, roomId, action) {
      const [person, room] = await Promise.all([access.person(personId), access.room(roomId)]);
      if (!room) throw new CommandError(ErrorCode.NotFound, 'No such room.');
      if (!person || !canInRoom(person.actor, action, room)) {
        throw new CommandError(ErrorCode.Forbidden, 'You are not allowed to do this in this room.');
      }
      return { person, room };
    },
    invalidate(change) {
      for (const id of change.personIds) people.delete(id);
      for (const id of change.roomIds) rooms.delete(id);
      // A room's rule change can affect anyone: drop every person too.
      if (change.roomIds.length > 0) people.clear();
    },
  };
  return access;
}

/** The speaking role `can.ts` grants: moderate, raise, or neither. */
export function speakingRoleOf(actor: Actor, room: Room): SpeakingRole {
  if (canInRoom(actor, 'speaking:moderate', room)) return 'moderator';
  if (canInRoom(actor, 'speaking:raise', room)) return 'participant';
  return 'observer';
}

/** The speaker facts of a person in a room's event (their delegation there, if any). */
export function speakerIn(person: Person, room: Room): Speaker {
  const delegation = person.actor.memberships.get(room.eventId) ?? null;
  return {
    personId: person.actor.personId,
    name: person.name,
    delegationId: delegation?.delegationId ?? null,
    side: delegation?.side ?? null,
    category: delegation?.category ?? null,
  };
}
