import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * Mail: the durable outbox (every message is a row written in the transaction of the change that
 * causes it, then delivered by a worker holding a lease on it), each person's and registrant's
 * language for the messages they get, and the registrant's personal status link (its hash).
 */
export function mail(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // One message per cause: a second enqueue with the same key (a retried request, a reminder
        // swept by two instances) is a no-op, so nobody gets the same mail twice.
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('invitation_id', 'text', (c) => c.references('invitations.id').onDelete('set null'))
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('to_name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('attachments', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claimant', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('smtp_response', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_event').on('outbox').columns(['event_id', 'created_at']).execute();
      await db.schema
        .alterTable('registrations')
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
        .execute();
      await db.schema.alterTable('registrations').addColumn('status_token_hash', 'text').execute();
      await db.schema
        .createIndex('registrations_status_token')
        .on('registrations')
        .column('status_token_hash')
        .unique()
        .execute();
      await db.schema.alterTable('people').addColumn('language', 'text').execute();
    },
  };
}
