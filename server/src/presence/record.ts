import type { Category } from '@roundtable/shared';
import type { RoomPass } from '../access/guard.js';
import type { Db } from '../store/db.js';
import type { ConnectionRecord } from './core.js';

/** Who a connection shows as in a room: name, delegation and effective role, read from the store now. */
export async function presenceRecordFor(db: Db, pass: RoomPass, since: number): Promise<ConnectionRecord> {
  const { room } = pass;
  const { actor } = pass.person;
  const row = await db
    .selectFrom('people')
    .leftJoin('event_members', (join) =>
      join.onRef('event_members.person_id', '=', 'people.id').on('event_members.event_id', '=', room.eventId),
    )
    .leftJoin('delegations', 'delegations.id', 'event_members.delegation_id')
    .select([
      'people.name',
      'delegations.side',
      'delegations.name as delegation_name',
      'delegations.name_ja as delegation_name_ja',
      'delegations.category',
    ])
    .where('people.id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  return {
    personId: actor.personId,
    name: row.name,
    side: row.side,
    delegationName:
      row.delegation_name === null ? null : { en: row.delegation_name, ja: row.delegation_name_ja ?? '' },
    category: (row.category as Category | null) ?? null,
    role: pass.role,
    since,
  };
}
