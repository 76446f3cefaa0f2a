import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * Room chat: messages in send order (the id is the one order every client shows), what each reader
 * has read per conversation (unread counts), and each event's choice of putting the public chat
 * in its report. Polls live in `room_state` (kind `polls`); reactions are never stored.
 */
export function chat(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';
      await db.schema
        .createTable('chat_messages')
        .addColumn('id', sql.raw(autoId), (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('to_person_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'text')
        .execute();
      await db.schema
        .createIndex('chat_messages_room')
        .on('chat_messages')
        .columns(['room_id', 'id'])
        .execute();
      await db.schema
        .createTable('chat_reads')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('tab', 'text', (c) => c.notNull())
        .addColumn('last_read_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('chat_reads_pk', ['room_id', 'person_id', 'tab'])
        .execute();
      await db.schema
        .createTable('chat_event_settings')
        .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('public_chat_in_report', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
