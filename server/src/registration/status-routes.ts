import type { Router } from 'express';
import { z } from 'zod';
import {
  CorrectRegistrationBodySchema,
  RegistrationStatusSchema,
  RegistrationStatusViewSchema,
  type RegistrationStatusView,
} from '@roundtable/shared';
import { hashToken } from '../auth/sessions.js';
import { requireEvent } from '../events/store.js';
import { isPlaceOf, throwIfIssues } from '../events/views.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import { mailLanguage } from '../mail/outbox.js';
import type { ModuleContext } from '../module.js';
import type { Db } from '../store/db.js';

const tags = ['registration'];
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const errors = { 404: 'No registration has this link (it was withdrawn, or the link is wrong).' } as const;
const pendingOnly = 'Only a pending registration can be changed; it was decided already.';

/** The registrant's own status page, reached through the personal link (no account). */
export const StatusRoutes = {
  show: defineRoute({
    method: 'get',
    path: '/registration-status/:token',
    summary: "A registrant's own registration: status (pending/approved/declined) and details",
    description: 'The token is the one in the status link of the registration receipt and confirmation mail.',
    tags,
    access: 'public',
    params: TokenParams,
    response: RegistrationStatusViewSchema,
    errors,
  }),
  correct: defineRoute({
    method: 'patch',
    path: '/registration-status/:token',
    summary: 'Correct name, organization, phone, place or language while the registration is pending',
    tags,
    access: 'public',
    params: TokenParams,
    body: CorrectRegistrationBodySchema,
    response: RegistrationStatusViewSchema,
    errors: {
      400: 'Invalid fields, or a place that is not a venue of the event.',
      ...errors,
      409: pendingOnly,
    },
  }),
  withdraw: defineRoute({
    method: 'delete',
    path: '/registration-status/:token',
    summary: 'Withdraw a pending registration (it is deleted; the email may register again)',
    tags,
    access: 'public',
    params: TokenParams,
    errors: { ...errors, 409: pendingOnly },
  }),
} as const;

async function findByToken(db: Db, token: string) {
  const row = await db
    .selectFrom('registrations')
    .selectAll()
    .where('status_token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw HttpError.notFound('Registration');
  return row;
}

export function mountStatusRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;

  const view = async (token: string): Promise<RegistrationStatusView> => {
    const row = await findByToken(db, token);
    const event = await requireEvent(db, row.event_id);
    return {
      eventId: event.id,
      eventTitle: event.title,
      status: RegistrationStatusSchema.parse(row.status),
      name: row.name,
      organization: row.organization,
      email: row.email,
      phone: row.phone,
      place: row.place,
      language: mailLanguage(row.language),
      venues: event.venues,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
    };
  };

  mountRoute(router, StatusRoutes.show, ({ params }) => view(params.token));

  mountRoute(router, StatusRoutes.correct, async ({ params, body }) => {
    const row = await findByToken(db, params.token);
    if (body.place !== undefined && !isPlaceOf(await requireEvent(db, row.event_id), body.place)) {
      throwIfIssues([{ path: 'place', message: 'Not a venue of this event, nor "online".' }]);
    }
    if (Object.keys(body).length === 0) return view(params.token);
    // Conditional on `pending`: an approval racing the correction wins, and the registrant is told.
    const updated = await db
      .updateTable('registrations')
      .set(body)
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw HttpError.conflict(pendingOnly);
    return view(params.token);
  });

  mountRoute(router, StatusRoutes.withdraw, async ({ params }) => {
    const row = await findByToken(db, params.token);
    const deleted = await db
      .deleteFrom('registrations')
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (deleted.numDeletedRows !== 1n) throw HttpError.conflict(pendingOnly);
  });
}
