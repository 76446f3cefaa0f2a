import type { Router } from 'express';
import { z } from 'zod';
import {
  ApproveRegistrationBodySchema,
  ApproveRegistrationResultSchema,
  ListRegistrationsQuerySchema,
  RegistrationSchema,
} from '@roundtable/shared';
import { assertCanInEvent, ORGANIZER_ERRORS, requireEventAction } from '../events/guards.js';
import { EventParams, RegistrationParams } from '../events/params.js';
import { requireEvent } from '../events/store.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import { queueRegistrationDeclined } from '../mail/compose.js';
import { mailLanguage } from '../mail/outbox.js';
import type { ModuleContext } from '../module.js';
import { approveRegistration } from './approve.js';
import { registrationFromRow } from './rows.js';

const tags = ['registration'];

/** The organizers' side of registration, declared once for validation and OpenAPI. */
export const ReviewRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/events/:eventId/registrations',
    summary: "List an event's registrations, optionally by status",
    tags,
    access: 'organizer',
    params: EventParams,
    query: ListRegistrationsQuerySchema,
    response: z.array(RegistrationSchema),
    errors: { 400: 'Unknown status.', ...ORGANIZER_ERRORS, 404: 'No such event.' },
  }),
  approve: defineRoute({
    method: 'post',
    path: '/registrations/:registrationId/approve',
    summary: 'Approve a registration: person, membership, room roles and invitation in one transaction',
    description:
      'The person is reused when one with the same email exists. The invitation link (`url`, `token`) ' +
      'is returned only here. Nothing is written when any part is refused.',
    tags,
    access: 'organizer',
    params: RegistrationParams,
    body: ApproveRegistrationBodySchema,
    response: ApproveRegistrationResultSchema,
    errors: {
      400: 'Invalid fields, or a delegation or room of another event.',
      ...ORGANIZER_ERRORS,
      404: 'No such registration.',
      409: 'The registration was approved or declined already.',
    },
  }),
  decline: defineRoute({
    method: 'post',
    path: '/registrations/:registrationId/decline',
    summary: 'Decline a pending registration',
    tags,
    access: 'organizer',
    params: RegistrationParams,
    response: RegistrationSchema,
    errors: {
      ...ORGANIZER_ERRORS,
      404: 'No such registration.',
      409: 'The registration was approved or declined already.',
    },
  }),
} as const;

export function mountReviewRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  const requireRegistration = async (id: string) => {
    const row = await db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw HttpError.notFound('Registration');
    return registrationFromRow(row);
  };

  mountRoute(router, ReviewRoutes.list, async ({ req, params, query }) => {
    await requireEventAction(sessions, req, 'registration:manage', params.eventId);
    await requireEvent(db, params.eventId);
    let select = db
      .selectFrom('registrations')
      .selectAll()
      .where('event_id', '=', params.eventId)
      .orderBy('created_at');
    if (query.status) select = select.where('status', '=', query.status);
    return (await select.execute()).map(registrationFromRow);
  });

  mountRoute(router, ReviewRoutes.approve, async ({ req, params, body }) => {
    const actor = await sessions.requireActor(req);
    const registration = await requireRegistration(params.registrationId);
    assertCanInEvent(actor, 'registration:manage', registration.eventId);
    const result = await approveRegistration(context.store, {
      registrationId: registration.id,
      body,
      decidedBy: actor.personId,
      nowMs: context.clock.now(),
      origin: context.publicOrigin(),
      from: context.config.MAIL_FROM,
    });
    await context.accessChanges.notify({ personIds: [result.invitation.personId] });
    return result;
  });

  mountRoute(router, ReviewRoutes.decline, async ({ req, params }) => {
    const actor = await sessions.requireActor(req);
    const registration = await requireRegistration(params.registrationId);
    assertCanInEvent(actor, 'registration:manage', registration.eventId);
    const nowMs = context.clock.now();
    const decidedAt = new Date(nowMs).toISOString();
    const event = await requireEvent(db, registration.eventId);
    // The decision and the mail telling the registrant commit together.
    await context.store.transaction(async (tx) => {
      const result = await tx
        .updateTable('registrations')
        .set({ status: 'declined', decided_at: decidedAt, decided_by: actor.personId })
        .where('id', '=', registration.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw HttpError.conflict(`The registration is already ${registration.status}.`);
      }
      const row = await tx
        .selectFrom('registrations')
        .select('language')
        .where('id', '=', registration.id)
        .executeTakeFirstOrThrow();
      await queueRegistrationDeclined(
        tx,
        { origin: context.publicOrigin(), from: context.config.MAIL_FROM, nowMs },
        {
          event,
          registrationId: registration.id,
          to: {
            personId: registration.personId,
            email: registration.email,
            name: registration.name,
            language: mailLanguage(row.language),
          },
        },
      );
    });
    return { ...registration, status: 'declined' as const, decidedAt };
  });
}
