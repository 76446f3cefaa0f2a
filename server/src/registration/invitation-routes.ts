import type { Router } from 'express';
import { z } from 'zod';
import { InvitationSchema, IssuedInvitationSchema, IssueInvitationBodySchema } from '@roundtable/shared';
import { assertCanInEvent, ORGANIZER_ERRORS, requireEventAction } from '../events/guards.js';
import { EventParams, InvitationParams, PersonParams } from '../events/params.js';
import { requireEvent, requirePerson } from '../events/store.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { issueInvitation } from './invitations.js';
import { invitationFromRow } from './rows.js';

const tags = ['invitations'];

/** Invitation links as organizers manage them, declared once for validation and OpenAPI. */
export const InvitationRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/events/:eventId/invitations',
    summary: "List an event's invitations (never their tokens)",
    tags,
    access: 'organizer',
    params: EventParams,
    response: z.array(InvitationSchema),
    errors: { ...ORGANIZER_ERRORS, 404: 'No such event.' },
  }),
  issue: defineRoute({
    method: 'post',
    path: '/people/:personId/invitations',
    summary: 'Issue a personal, expiring invitation link to an event',
    description:
      'The link (`url`, `token`) is returned only in this answer. The person becomes a member of the ' +
      'event if they were not one.',
    tags,
    access: 'organizer',
    params: PersonParams,
    body: IssueInvitationBodySchema,
    response: IssuedInvitationSchema,
    status: 201,
    errors: { 400: 'Invalid fields.', ...ORGANIZER_ERRORS, 404: 'No such person or event.' },
  }),
  revoke: defineRoute({
    method: 'post',
    path: '/invitations/:invitationId/revoke',
    summary: 'Revoke an invitation link (idempotent; sessions it started stay signed in)',
    tags,
    access: 'organizer',
    params: InvitationParams,
    response: InvitationSchema,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such invitation.' },
  }),
} as const;

export function mountInvitationRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  mountRoute(router, InvitationRoutes.list, async ({ req, params }) => {
    await requireEventAction(sessions, req, 'registration:manage', params.eventId);
    await requireEvent(db, params.eventId);
    const rows = await db
      .selectFrom('invitations')
      .selectAll()
      .where('event_id', '=', params.eventId)
      .orderBy('created_at')
      .execute();
    return rows.map(invitationFromRow);
  });

  mountRoute(router, InvitationRoutes.issue, async ({ req, params, body }) => {
    await requireEventAction(sessions, req, 'registration:manage', body.eventId);
    const [person, event] = await Promise.all([
      requirePerson(db, params.personId),
      requireEvent(db, body.eventId),
    ]);
    const issued = await context.store.transaction(async (tx) => {
      // An invitation to an event means membership of it; without it the link signs into nothing.
      await tx
        .insertInto('event_members')
        .values({ event_id: event.id, person_id: person.id, delegation_id: null, place: null })
        .onConflict((oc) => oc.columns(['event_id', 'person_id']).doNothing())
        .execute();
      return issueInvitation(tx, {
        eventId: event.id,
        personId: person.id,
        validForDays: body.validForDays,
        nowMs: context.clock.now(),
        origin: context.publicOrigin(),
      });
    });
    await context.accessChanges.notify({ personIds: [person.id] });
    return issued;
  });

  mountRoute(router, InvitationRoutes.revoke, async ({ req, params }) => {
    const actor = await sessions.requireActor(req);
    const row = await db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', params.invitationId)
      .executeTakeFirst();
    if (!row) throw HttpError.notFound('Invitation');
    assertCanInEvent(actor, 'registration:manage', row.event_id);
    if (row.revoked_at !== null) return invitationFromRow(row);
    const revokedAt = new Date(context.clock.now()).toISOString();
    // Keep the first revocation time when two organizers revoke at once.
    await db
      .updateTable('invitations')
      .set({ revoked_at: revokedAt })
      .where('id', '=', row.id)
      .where('revoked_at', 'is', null)
      .execute();
    const updated = await db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    return invitationFromRow(updated);
  });
}
