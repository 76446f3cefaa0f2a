import crypto from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import {
  CreateEventBodySchema,
  type Event,
  EventDetailSchema,
  EventListSchema,
  EventSchema,
  LanguageQuerySchema,
  PublicEventSchema,
  textIn,
  UpdateEventBodySchema,
} from '@roundtable/shared';
import { canInEvent } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { nowIso } from '../store/db.js';
import { eventToIcs } from './calendar.js';
import { ORGANIZER_ERRORS, requireEventAction, requireGlobalAction } from './guards.js';
import { EventParams } from './params.js';
import { eventColumns, eventFromRow } from './rows.js';
import { findSeries, listRooms, requireEvent } from './store.js';
import { eventIssues, publicEventOf, roomViewFor, throwIfIssues } from './views.js';

const tags = ['events'];

/** The event endpoints, declared once for validation and the OpenAPI document. */
export const EventRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/events',
    summary: 'List events',
    description:
      'Signed in: every event for organizers; for others the events one is a member of, then the ' +
      'public fields of the other events whose registration is open. ' +
      'Signed out: the public fields of events whose registration is open.',
    tags,
    access: 'public',
    response: EventListSchema,
    errors: {},
  }),
  create: defineRoute({
    method: 'post',
    path: '/events',
    summary: 'Create an event',
    tags,
    access: 'organizer',
    body: CreateEventBodySchema,
    response: EventSchema,
    status: 201,
    errors: { 400: 'Invalid fields or unknown series.', ...ORGANIZER_ERRORS, 413: 'Body too large.' },
  }),
  get: defineRoute({
    method: 'get',
    path: '/events/:eventId',
    summary: 'An event with its rooms as the caller sees them',
    tags,
    access: 'member',
    params: EventParams,
    response: EventDetailSchema,
    errors: { 401: 'Not signed in.', 403: 'Neither organizer nor member.', 404: 'No such event.' },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/events/:eventId',
    summary: 'Change an event (open or close registration, sessions, venues…)',
    tags,
    access: 'organizer',
    params: EventParams,
    body: UpdateEventBodySchema,
    response: EventSchema,
    errors: { 400: 'Invalid fields.', ...ORGANIZER_ERRORS, 404: 'No such event.' },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/events/:eventId',
    summary: 'Delete an event with its rooms, delegations, members, registrations and invitations',
    tags,
    access: 'organizer',
    params: EventParams,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such event.' },
  }),
  publicInfo: defineRoute({
    method: 'get',
    path: '/events/:eventId/public',
    summary: 'What the public registration page shows',
    tags,
    access: 'public',
    params: EventParams,
    response: PublicEventSchema,
    errors: { 404: 'No such event.' },
  }),
  calendar: defineRoute({
    method: 'get',
    path: '/events/:eventId/calendar.ics',
    summary: 'The event as an iCalendar file, one VEVENT per session (UTC times)',
    description: 'Members and organizers; anyone while registration is open.',
    tags,
    access: 'public',
    params: EventParams,
    query: LanguageQuerySchema,
    response: z.string(),
    contentType: 'text/calendar',
    errors: {
      401: 'Registration is closed and nobody is signed in.',
      403: 'Registration is closed and the caller is not a member.',
      404: 'No such event.',
    },
  }),
} as const;

export function mountEventRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;
  const now = (): string => nowIso(() => context.clock.now());

  const checkEvent = async (event: Omit<Event, 'id'>): Promise<void> => {
    const issues = eventIssues(event);
    if (event.seriesId !== null && !(await findSeries(db, event.seriesId))) {
      issues.push({ path: 'seriesId', message: 'No such series.' });
    }
    throwIfIssues(issues);
  };

  const openEvents = async (except: ReadonlySet<string>) =>
    (
      await db
        .selectFrom('events')
        .selectAll()
        .where('registration_open', '=', 1)
        .orderBy('created_at')
        .execute()
    )
      .filter((row) => !except.has(row.id))
      .map((row) => publicEventOf(eventFromRow(row)));

  mountRoute(router, EventRoutes.list, async ({ req }) => {
    const actor = await sessions.actorOf(req);
    if (!actor) return openEvents(new Set());
    if (actor.isOrganizer) {
      return (await db.selectFrom('events').selectAll().orderBy('created_at').execute()).map(eventFromRow);
    }
    // A member also sees the events open for registration, to register for the next round.
    const memberOf = new Set(actor.memberships.keys());
    const mine =
      memberOf.size === 0
        ? []
        : await db
            .selectFrom('events')
            .selectAll()
            .where('id', 'in', [...memberOf])
            .orderBy('created_at')
            .execute();
    return [...mine.map(eventFromRow), ...(await openEvents(memberOf))];
  });

  mountRoute(router, EventRoutes.create, async ({ req, body }) => {
    await requireGlobalAction(sessions, req, 'event:create');
    await checkEvent(body);
    const event: Event = { id: crypto.randomUUID(), ...body };
    const at = now();
    await db
      .insertInto('events')
      .values({ id: event.id, ...eventColumns(event), created_at: at, updated_at: at })
      .execute();
    return event;
  });

  mountRoute(router, EventRoutes.get, async ({ req, params }) => {
    const actor = await requireEventAction(sessions, req, 'event:view', params.eventId);
    const event = await requireEvent(db, params.eventId);
    const [rooms, series] = await Promise.all([
      listRooms(db, event.id),
      event.seriesId ? findSeries(db, event.seriesId) : null,
    ]);
    return { ...event, series, rooms: rooms.map((room) => roomViewFor(actor, room)) };
  });

  mountRoute(router, EventRoutes.update, async ({ req, params, body }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    const next: Event = { ...(await requireEvent(db, params.eventId)), ...body };
    await checkEvent(next);
    await db
      .updateTable('events')
      .set({ ...eventColumns(next), updated_at: now() })
      .where('id', '=', next.id)
      .execute();
    return next;
  });

  mountRoute(router, EventRoutes.remove, async ({ req, params }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    await requireEvent(db, params.eventId);
    const roomIds = (await listRooms(db, params.eventId)).map((room) => room.id);
    // Rooms, delegations, members, roles, registrations and invitations go with it (FK cascade).
    await db.deleteFrom('events').where('id', '=', params.eventId).execute();
    await context.accessChanges.notify({ roomIds });
  });

  mountRoute(router, EventRoutes.publicInfo, async ({ params }) => {
    return publicEventOf(await requireEvent(db, params.eventId));
  });

  mountRoute(router, EventRoutes.calendar, async ({ req, params, query, res }) => {
    const event = await requireEvent(db, params.eventId);
    if (!event.registrationOpen) {
      const actor = await sessions.requireActor(req);
      if (!canInEvent(actor, 'event:view', event.id)) throw HttpError.forbidden();
    }
    const title = textIn(event.title, query.lang);
    res.attachment(`${title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'event'}.ics`);
    return eventToIcs(event, `${context.publicOrigin()}/events/${event.id}`, undefined, query.lang);
  });
}
