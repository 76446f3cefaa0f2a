import type { Category, RoomRole } from '@roundtable/shared';
import type { Db } from '../store/db.js';
import type { Actor } from '@roundtable/shared';

/** Reads everything `can*` needs about a person from the store; null when they do not exist. */
export async function loadActor(db: Db, personId: string): Promise<Actor | null> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'is_organizer'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return null;
  const memberships = await db
    .selectFrom('event_members')
    .leftJoin('delegations', 'delegations.id', 'event_members.delegation_id')
    .select([
      'event_members.event_id',
      'delegations.id as delegation_id',
      'delegations.category',
      'delegations.side',
    ])
    .where('event_members.person_id', '=', personId)
    .execute();
  const roles = await db
    .selectFrom('room_roles')
    .select(['room_id', 'role'])
    .where('person_id', '=', personId)
    .execute();
  return {
    personId,
    isOrganizer: person.is_organizer === 1,
    memberships: new Map(
      memberships.map((m) => [
        m.event_id,
        m.delegation_id && m.category && m.side
          ? { delegationId: m.delegation_id, category: m.category as Category, side: m.side }
          : null,
      ]),
    ),
    roomRoles: new Map(roles.map((r) => [r.room_id, r.role as RoomRole])),
  };
}
