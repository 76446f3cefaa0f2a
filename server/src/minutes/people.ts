import type { Category, PersonRef } from '@roundtable/shared';
import type { Db } from '../store/db.js';

/* Reads about people that the minutes and reports need: names, co-chairs, delegations. */

/** Names of `ids` (unknown ids are left out: a deleted person). */
export async function namesOf(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A person reference with a name, `(deleted)` when the person no longer exists. */
export function refOf(names: ReadonlyMap<string, string>, id: string | null): PersonRef | null {
  return id === null ? null : { personId: id, name: names.get(id) ?? '(deleted)' };
}

/** The room's explicit co-chairs, in a stable order. */
export async function coChairsOf(db: Db, roomId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('room_roles')
    .select('person_id')
    .where('room_id', '=', roomId)
    .where('role', '=', 'co_chair')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** A person as reports list them: organization and delegation in the event (null outside one). */
export interface PersonInEvent {
  personId: string;
  name: string;
  organization: string;
  isOrganizer: boolean;
  member: boolean;
  side: string | null;
  category: Category | null;
  delegation: string | null;
}

export async function peopleInEvent(
  db: Db,
  eventId: string,
  ids: Iterable<string>,
): Promise<PersonInEvent[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .leftJoin('event_members', (join) =>
      join.onRef('event_members.person_id', '=', 'people.id').on('event_members.event_id', '=', eventId),
    )
    .leftJoin('delegations', 'delegations.id', 'event_members.delegation_id')
    .select([
      'people.id',
      'people.name',
      'people.organization',
      'people.is_organizer',
      'event_members.person_id as member_id',
      'delegations.side',
      'delegations.category',
      'delegations.name as delegation_name',
      'delegations.name_ja as delegation_name_ja',
    ])
    .where('people.id', 'in', unique)
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    name: row.name,
    organization: row.organization,
    isOrganizer: row.is_organizer === 1,
    member: row.member_id !== null,
    side: row.side,
    category: (row.category as Category | null) ?? null,
    // Reports list one name; the English side, else the Japanese (bilingual rosters: issue #14).
    delegation: row.delegation_name === null ? null : row.delegation_name || row.delegation_name_ja,
  }));
}
