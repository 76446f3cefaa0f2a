import type { MediaAttributes, MediaGrants, Room } from '@roundtable/shared';
import type { Actor, EffectiveRole } from '@roundtable/shared';
import type { RoomGuard, RoomPass } from '../access/guard.js';
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
 * The person as a media participant of `room`, or null when the guard does not let them join its
 * media now (unknown person, no access, waiting in the lobby, removed). Read on every call, never
 * from a token, so a change applies to the next token and the next permission update.
 */
export async function loadSubject(
  deps: { db: Db; guard: RoomGuard },
  room: Room,
  personId: string,
): Promise<MediaSubject | null> {
  const decision = await deps.guard.decide(personId, room.id, 'media:join');
  return decision.ok ? subjectOf(deps.db, decision.pass) : null;
}

/** The media participant of a pass the guard granted for `media:join`. */
export async function subjectOf(db: Db, pass: RoomPass): Promise<MediaSubject> {
  const { room, role } = pass;
  const { actor, name } = pass.person;
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
  return { actor, personId: actor.personId, name, role, attributes };
}

/** What `subject` may do in `room` right now, given who holds the floor. */
export function grantsOf(subject: MediaSubject, room: Room, floorHolder: string | null): MediaGrants {
  return grantsFor(subject.role, room.floorMode, floorHolder === subject.personId);
}
