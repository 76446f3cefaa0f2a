import type { Router } from 'express';
import { z } from 'zod';
import {
  MemberViewSchema,
  RoomRoleAssignmentSchema,
  SetRoomRoleBodySchema,
  UpsertMemberBodySchema,
  type FieldIssue,
  type MemberView,
} from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import type { Db } from '../store/db.js';
import { ORGANIZER_ERRORS, requireEventAction, requireManagedRoom } from './guards.js';
import { EventParams, EventPersonParams, RoomParams, RoomPersonParams } from './params.js';
import { delegationFromRow, memberFromRow, PERSON_COLUMNS, personFromRow, roomRoleFromRow } from './rows.js';
import { requireEvent, requirePerson } from './store.js';
import { isPlaceOf, throwIfIssues } from './views.js';

/** Membership and room-role endpoints, declared once for validation and the OpenAPI document. */
export const MemberRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/events/:eventId/members',
    summary: "List an event's members with their person and delegation",
    tags: ['members'],
    access: 'organizer',
    params: EventParams,
    response: z.array(MemberViewSchema),
    errors: { ...ORGANIZER_ERRORS, 404: 'No such event.' },
  }),
  upsert: defineRoute({
    method: 'put',
    path: '/events/:eventId/members/:personId',
    summary: 'Make a person a member of an event, or change their delegation and place',
    tags: ['members'],
    access: 'organizer',
    params: EventPersonParams,
    body: UpsertMemberBodySchema,
    response: MemberViewSchema,
    errors: {
      400: "Invalid fields, a delegation of another event, or a place that is not one of the event's venues.",
      ...ORGANIZER_ERRORS,
      404: 'No such event or person.',
    },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/events/:eventId/members/:personId',
    summary: "Remove a person from an event, with their roles in the event's rooms",
    tags: ['members'],
    access: 'organizer',
    params: EventPersonParams,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such member.' },
  }),
  listRoles: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/roles',
    summary: "List a room's explicit role assignments",
    tags: ['rooms'],
    access: 'organizer',
    params: RoomParams,
    response: z.array(RoomRoleAssignmentSchema),
    errors: { ...ORGANIZER_ERRORS, 404: 'No such room.' },
  }),
  setRole: defineRoute({
    method: 'put',
    path: '/rooms/:roomId/roles/:personId',
    summary: "Give a person a role in a room (and membership of the room's event if missing)",
    tags: ['rooms'],
    access: 'organizer',
    params: RoomPersonParams,
    body: SetRoomRoleBodySchema,
    response: RoomRoleAssignmentSchema,
    errors: { 400: 'Invalid fields.', ...ORGANIZER_ERRORS, 404: 'No such room or person.' },
  }),
  removeRole: defineRoute({
    method: 'delete',
    path: '/rooms/:roomId/roles/:personId',
    summary: "Take a person's explicit role in a room away (the room's rule still applies)",
    tags: ['rooms'],
    access: 'organizer',
    params: RoomPersonParams,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such room or role.' },
  }),
} as const;

async function memberViews(db: Db, eventId: string, personId?: string): Promise<MemberView[]> {
  let query = db
    .selectFrom('event_members')
    .innerJoin('people', 'people.id', 'event_members.person_id')
    .selectAll('event_members')
    .select(PERSON_COLUMNS.map((c) => `people.${c}` as const))
    .where('event_members.event_id', '=', eventId)
    .orderBy('people.name');
  if (personId) query = query.where('event_members.person_id', '=', personId);
  const [rows, delegations] = await Promise.all([
    query.execute(),
    db.selectFrom('delegations').selectAll().where('event_id', '=', eventId).execute(),
  ]);
  const byId = new Map(delegations.map((d) => [d.id, delegationFromRow(d)]));
  return rows.map((row) => ({
    ...memberFromRow(row),
    person: personFromRow(row),
    delegation: row.delegation_id ? (byId.get(row.delegation_id) ?? null) : null,
  }));
}

export function mountMemberRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  mountRoute(router, MemberRoutes.list, async ({ req, params }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    await requireEvent(db, params.eventId);
    return memberViews(db, params.eventId);
  });

  mountRoute(router, MemberRoutes.upsert, async ({ req, params, body }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    const event = await requireEvent(db, params.eventId);
    await requirePerson(db, params.personId);
    const issues: FieldIssue[] = [];
    if (body.place !== null && !isPlaceOf(event, body.place)) {
      issues.push({ path: 'place', message: 'Not a venue of this event, nor "online".' });
    }
    if (body.delegationId !== null) {
      const delegation = await db
        .selectFrom('delegations')
        .select('id')
        .where('id', '=', body.delegationId)
        .where('event_id', '=', event.id)
        .executeTakeFirst();
      if (!delegation) issues.push({ path: 'delegationId', message: 'No such delegation in this event.' });
    }
    throwIfIssues(issues);
    const values = { delegation_id: body.delegationId, place: body.place };
    await db
      .insertInto('event_members')
      .values({ event_id: event.id, person_id: params.personId, ...values })
      .onConflict((oc) => oc.columns(['event_id', 'person_id']).doUpdateSet(values))
      .execute();
    await context.accessChanges.notify({ personIds: [params.personId] });
    const [view] = await memberViews(db, event.id, params.personId);
    if (!view) throw new Error('membership vanished right after it was written');
    return view;
  });

  mountRoute(router, MemberRoutes.remove, async ({ req, params }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    await context.store.transaction(async (tx) => {
      // Roles in the event's rooms would otherwise keep admitting someone who is no longer a member.
      await tx
        .deleteFrom('room_roles')
        .where('person_id', '=', params.personId)
        .where('room_id', 'in', tx.selectFrom('rooms').select('id').where('event_id', '=', params.eventId))
        .execute();
      const result = await tx
        .deleteFrom('event_members')
        .where('event_id', '=', params.eventId)
        .where('person_id', '=', params.personId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw HttpError.notFound('Member');
    });
    await context.accessChanges.notify({ personIds: [params.personId] });
  });

  mountRoute(router, MemberRoutes.listRoles, async ({ req, params }) => {
    const { room } = await requireManagedRoom(sessions, db, req, params.roomId);
    const rows = await db.selectFrom('room_roles').selectAll().where('room_id', '=', room.id).execute();
    return rows.map(roomRoleFromRow);
  });

  mountRoute(router, MemberRoutes.setRole, async ({ req, params, body }) => {
    const { room } = await requireManagedRoom(sessions, db, req, params.roomId);
    await requirePerson(db, params.personId);
    await context.store.transaction(async (tx) => {
      // A role holder must see the event the room belongs to, so they become a member of it.
      await tx
        .insertInto('event_members')
        .values({ event_id: room.eventId, person_id: params.personId, delegation_id: null, place: null })
        .onConflict((oc) => oc.columns(['event_id', 'person_id']).doNothing())
        .execute();
      await tx
        .insertInto('room_roles')
        .values({ room_id: room.id, person_id: params.personId, role: body.role })
        .onConflict((oc) => oc.columns(['room_id', 'person_id']).doUpdateSet({ role: body.role }))
        .execute();
    });
    await context.accessChanges.notify({ personIds: [params.personId] });
    return { roomId: room.id, personId: params.personId, role: body.role };
  });

  mountRoute(router, MemberRoutes.removeRole, async ({ req, params }) => {
    const { room } = await requireManagedRoom(sessions, db, req, params.roomId);
    const result = await db
      .deleteFrom('room_roles')
      .where('room_id', '=', room.id)
      .where('person_id', '=', params.personId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw HttpError.notFound('Role');
    await context.accessChanges.notify({ personIds: [params.personId] });
  });
}
