import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * Minutes and reports: named versions of a room's minutes (the Yjs state at that moment) and
 * organizers' corrections to the attendance derived from presence. The workflow itself and the
 * template marker are small per-room state in `room_state` (kinds `minutes`, `minutes-template`).
 */
export function minutes(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const blob = dialect === 'postgres' ? 'bytea' : 'blob';
      await db.schema
        .createTable('minutes_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('state', sql.raw(blob), (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('minutes_versions_room')
        .on('minutes_versions')
        .columns(['room_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('attendance_overrides')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('included', 'integer', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('attendance_overrides_pk', ['room_id', 'person_id'])
        .execute();
    },
  };
}
