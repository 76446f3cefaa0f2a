import type { Router } from 'express';
import { IdSchema, OutboxListSchema, OutboxMessageSchema, OutboxQuerySchema } from '@roundtable/shared';
import { z } from 'zod';
import { assertCanInEvent, ORGANIZER_ERRORS, requireEventAction } from '../events/guards.js';
import { EventParams } from '../events/params.js';
import { requireEvent } from '../events/store.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { outboxMessageFromRow } from './outbox.js';

const tags = ['mail'];
const MessageParams = z.object({ messageId: IdSchema });

/** The outbox as organizers see and steer it, declared once for validation and OpenAPI. */
export const OutboxRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/events/:eventId/outbox',
    summary: "List an event's outgoing mail with each message's text and delivery state",
    description:
      'Newest first. Without `SMTP_URL` (`smtpConfigured: false`) nothing is sent by the server: the ' +
      'console offers each message as a `mailto:` link and text to copy.',
    tags,
    access: 'organizer',
    params: EventParams,
    query: OutboxQuerySchema,
    response: OutboxListSchema,
    errors: { 400: 'Unknown status.', ...ORGANIZER_ERRORS, 404: 'No such event.' },
  }),
  retry: defineRoute({
    method: 'post',
    path: '/outbox/:messageId/retry',
    summary: 'Send a failed or waiting message again now',
    tags,
    access: 'organizer',
    params: MessageParams,
    response: OutboxMessageSchema,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such message.', 409: 'The message is delivered or being sent.' },
  }),
  sentByHand: defineRoute({
    method: 'post',
    path: '/outbox/:messageId/sent-by-hand',
    summary: 'Record that an organizer sent a message from their own mail client',
    description: 'The worker will not send it afterwards.',
    tags,
    access: 'organizer',
    params: MessageParams,
    response: OutboxMessageSchema,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such message.', 409: 'The message is delivered or being sent.' },
  }),
} as const;

/** `smtp_response` of a message an organizer sent themselves. */
export const SENT_BY_HAND = 'sent by hand';

export function mountOutboxRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;
  const smtpConfigured = Boolean(context.config.SMTP_URL);

  mountRoute(router, OutboxRoutes.list, async ({ req, params, query }) => {
    await requireEventAction(sessions, req, 'registration:manage', params.eventId);
    await requireEvent(db, params.eventId);
    let select = db
      .selectFrom('outbox')
      .selectAll()
      .where('event_id', '=', params.eventId)
      .orderBy('created_at', 'desc')
      .orderBy('id');
    if (query.status) select = select.where('status', '=', query.status);
    return { smtpConfigured, messages: (await select.execute()).map(outboxMessageFromRow) };
  });

  /** Moves a message that is not delivered nor leased; 409 when another change got there first. */
  const transition = async (
    req: Parameters<typeof sessions.requireActor>[0],
    messageId: string,
    values: {
      status: 'pending' | 'delivered';
      next_attempt_at?: string;
      sent_at?: string;
      smtp_response?: string;
    },
  ) => {
    const actor = await sessions.requireActor(req);
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', messageId).executeTakeFirst();
    if (!row?.event_id) throw HttpError.notFound('Message');
    assertCanInEvent(actor, 'registration:manage', row.event_id);
    const moved = await db
      .updateTable('outbox')
      .set(values)
      .where('id', '=', messageId)
      .where('status', 'in', ['pending', 'failed'])
      .executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) throw HttpError.conflict('The message is delivered or being sent.');
    return outboxMessageFromRow(
      await db.selectFrom('outbox').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow(),
    );
  };

  mountRoute(router, OutboxRoutes.retry, ({ req, params }) =>
    transition(req, params.messageId, {
      status: 'pending',
      next_attempt_at: new Date(context.clock.now()).toISOString(),
    }),
  );
  mountRoute(router, OutboxRoutes.sentByHand, ({ req, params }) => {
    const at = new Date(context.clock.now()).toISOString();
    return transition(req, params.messageId, {
      status: 'delivered',
      sent_at: at,
      smtp_response: SENT_BY_HAND,
    });
  });
}
