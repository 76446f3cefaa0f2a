import crypto from 'node:crypto';
import type { Router } from 'express';
import {
  CreateRoomBodySchema,
  RoomSchema,
  RoomViewSchema,
  UpdateRoomBodySchema,
  type Room,
} from '@roundtable/shared';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { nowIso } from '../store/db.js';
import { ORGANIZER_ERRORS, requireEventAction, requireManagedRoom } from './guards.js';
import { EventParams, RoomParams } from './params.js';
import { roomColumns } from './rows.js';
import { requireEvent } from './store.js';
import { roomViewFor } from './views.js';

const tags = ['rooms'];
const organizerErrors = { ...ORGANIZER_ERRORS, 404: 'No such room.' } as const;

/** Room fields whose change alters what people in the room may do: live connections re-check. */
const ACCESS_FIELDS = ['access', 'floorMode', 'mediaEnabled', 'lobbyEnabled', 'hideDraftMinutes'] as const;

/** The room endpoints, declared once for validation and the OpenAPI document. */
export const RoomRoutes = {
  create: defineRoute({
    method: 'post',
    path: '/events/:eventId/rooms',
    summary: 'Add a dialogue room to an event (appended after the existing rooms)',
    tags,
    access: 'organizer',
    params: EventParams,
    body: CreateRoomBodySchema,
    response: RoomSchema,
    status: 201,
    errors: { 400: 'Invalid fields.', ...organizerErrors, 404: 'No such event.' },
  }),
  get: defineRoute({
    method: 'get',
    path: '/rooms/:roomId',
    summary: 'A room as the caller sees it',
    tags,
    access: 'member',
    params: RoomParams,
    response: RoomViewSchema,
    errors: {
      401: 'Not signed in.',
      403: "The room's access rule does not admit the caller.",
      404: 'No such room.',
    },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/rooms/:roomId',
    summary: 'Change a room; a changed access rule makes live connections re-authorize',
    tags,
    access: 'organizer',
    params: RoomParams,
    body: UpdateRoomBodySchema,
    response: RoomSchema,
    errors: { 400: 'Invalid fields.', ...organizerErrors },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/rooms/:roomId',
    summary: 'Delete a room and its role assignments',
    tags,
    access: 'organizer',
    params: RoomParams,
    errors: organizerErrors,
  }),
} as const;

export function mountRoomRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  mountRoute(router, RoomRoutes.create, async ({ req, params, body }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    await requireEvent(db, params.eventId);
    const last = await db
      .selectFrom('rooms')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('event_id', '=', params.eventId)
      .executeTakeFirst();
    const room: Room = {
      id: crypto.randomUUID(),
      eventId: params.eventId,
      position: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
      ...body,
    };
    await db
      .insertInto('rooms')
      .values({
        id: room.id,
        event_id: room.eventId,
        ...roomColumns(room),
        created_at: nowIso(() => context.clock.now()),
      })
      .execute();
    return room;
  });

  mountRoute(router, RoomRoutes.get, async ({ req, params }) => {
    // Waiting and removed people see the room too: its page holds the lobby they wait in.
    const { person, room } = await context.guard.request(req, params.roomId, 'room:view');
    return roomViewFor(person.actor, room);
  });

  mountRoute(router, RoomRoutes.update, async ({ req, params, body }) => {
    const { room: current } = await requireManagedRoom(sessions, db, req, params.roomId);
    const next: Room = { ...current, ...body };
    await db.updateTable('rooms').set(roomColumns(next)).where('id', '=', next.id).execute();
    const changed = ACCESS_FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]));
    if (changed) await context.accessChanges.notify({ roomIds: [next.id] });
    return next;
  });

  mountRoute(router, RoomRoutes.remove, async ({ req, params }) => {
    const { room } = await requireManagedRoom(sessions, db, req, params.roomId);
    await db.deleteFrom('rooms').where('id', '=', room.id).execute();
    await context.accessChanges.notify({ roomIds: [room.id] });
  });
}
