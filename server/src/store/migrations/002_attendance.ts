import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * Attendance per room and person, kept by presence: when they were first and last seen, the
 * seconds of their closed intervals, and the start of the open one (null when absent).
 */
export function attendance(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('attendance')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('total_seconds', dialect === 'postgres' ? 'double precision' : 'real', (c) =>
          c.notNull().defaultTo(0),
        )
        .addColumn('present_since', 'text')
        .addPrimaryKeyConstraint('attendance_pk', ['room_id', 'person_id'])
        .execute();
    },
  };
}
