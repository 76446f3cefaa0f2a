import type { MediaAttributes, MediaGrants, Room } from '@roundtable/shared';
import { canInRoom, roomRoleOf, type Actor, type EffectiveRole } from '../access/can.js';
import { loadActor } from '../access/load-actor.js';
import type { Db } from '../store/db.js';
import { grantsFor } from './grants.js';

/** A person as the room's LiveKit room sees them: identity, display name, role and attributes. */
export interface MediaSubject {
  actor: Actor;
  personId: string;
  name: string;
  role: EffectiveRole;
  attributes: MediaAttributes;
}

/**
 * The person as a media participant of `room`, or null when they may not join its media (unknown
 * person, or no access to the room). Roles are read from the store on every call, never from a
 * token, so a role change applies to the next token and the next permission update.
 */
export async function loadSubject(db: Db, room: Room, personId: string): Promise<MediaSubject | null> {
  const actor = await loadActor(db, personId);
  if (!actor) return null;
  return subjectOf(db, room, actor);
}

/** Like `loadSubject` for an actor already loaded (a signed-in request). */
export async function subjectOf(db: Db, room: Room, actor: Actor): Promise<MediaSubject | null> {
  const role = roomRoleOf(actor, room);
  if (role === null || !canInRoom(actor, 'media:join', room)) return null;
  const person = await db
    .selectFrom('people')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirst();
  if (!person) return null;
  const attributes: MediaAttributes = { role };
  const membership = actor.memberships.get(room.eventId);
  if (membership) {
    const delegation = await db
      .selectFrom('delegations')
      .select('name')
      .where('id', '=', membership.delegationId)
      .executeTakeFirst();
    attributes.side = membership.side;
    attributes.category = membership.category;
    if (delegation) attributes.delegation = delegation.name;
  }
  return { actor, personId: actor.personId, name: person.name, role, attributes };
}

/** What `subject` may do in `room` right now, given who holds the floor. */
export function grantsOf(subject: MediaSubject, room: Room, floorHolder: string | null): MediaGrants {
  return grantsFor(subject.role, room.floorMode, floorHolder === subject.personId);
}
