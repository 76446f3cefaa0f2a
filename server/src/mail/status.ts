import { OutboxStatusSchema, type OutboxStatus } from '@roundtable/shared';
import type { Db } from '../store/db.js';

/** How many messages are in each state, across every instance (one grouped count). */
export async function countOutbox(db: Db): Promise<Record<OutboxStatus, number>> {
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, delivered: 0, failed: 0 };
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  for (const row of rows) {
    const status = OutboxStatusSchema.safeParse(row.status);
    if (status.success) counts[status.data] = Number(row.n);
  }
  return counts;
}

/** The latest failures, for `/readyz` detail: an operator sees what the SMTP server answered. */
export async function latestFailures(db: Db, limit = 3) {
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address as to', 'last_error as error', 'smtp_response as smtpResponse', 'attempts'])
    .where('last_error', 'is not', null)
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('next_attempt_at', 'desc')
    .limit(limit)
    .execute();
}
