import type { Router } from 'express';
import {
  ErrorCode,
  MinutesErrorCode,
  RoomAttendanceSchema,
  SetAttendanceBodySchema,
  type Room,
  type RoomAttendance,
} from '@roundtable/shared';
import { canInEvent, type Actor } from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import { RoomPersonParams } from '../events/params.js';
import { RoomParams } from '../events/params.js';
import { findPerson } from '../events/store.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { nowIso } from '../store/db.js';
import {
  clearAttendanceOverride,
  readRoomAttendance,
  setAttendanceOverride,
  type AttendanceSources,
} from './attendance.js';
import { actorAndRoom } from './routes.js';
import type { MinutesWorkflowService } from './workflow.js';

const tags = ['minutes'];
const ERRORS = { 401: 'Not signed in.', 403: 'Not an organizer.', 404: 'No such room.' } as const;
const LOCKED = '`minutes_locked`: the minutes are published; the attendance is frozen.';

export const AttendanceRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/attendance',
    summary: 'Who attended the room (from presence and media presence, with organizers’ corrections)',
    tags,
    access: 'organizer',
    params: RoomParams,
    response: RoomAttendanceSchema,
    errors: ERRORS,
  }),
  set: defineRoute({
    method: 'put',
    path: '/rooms/:roomId/attendance/:personId',
    summary: 'List (or leave out) a person in the room’s attendance',
    tags,
    access: 'organizer',
    params: RoomPersonParams,
    body: SetAttendanceBodySchema,
    response: RoomAttendanceSchema,
    errors: {
      ...ERRORS,
      400: 'Invalid body, or adding someone who is not a member of the event.',
      404: 'No such room or person.',
      409: LOCKED,
    },
  }),
  clear: defineRoute({
    method: 'delete',
    path: '/rooms/:roomId/attendance/:personId',
    summary: 'Forget a correction: the person is listed as presence says again',
    tags,
    access: 'organizer',
    params: RoomPersonParams,
    response: RoomAttendanceSchema,
    errors: { ...ERRORS, 409: LOCKED },
  }),
} as const;

export function mountAttendanceRoutes(
  router: Router,
  context: ModuleContext,
  workflow: MinutesWorkflowService,
  sources: AttendanceSources,
): void {
  const { db } = context.store;

  const organizerRoom = async (req: Parameters<typeof actorAndRoom>[1], roomId: string) => {
    const found = await actorAndRoom(context, req, roomId);
    if (!canInEvent(found.actor, 'report:publish', found.room.eventId)) throw HttpError.forbidden();
    return found;
  };
  const view = async (room: Room): Promise<RoomAttendance> => {
    const { state } = await workflow.read(room.id);
    const locked = state.status === 'published';
    return { roomId: room.id, locked, entries: await readRoomAttendance(sources, room, state.attendees) };
  };
  const assertEditable = async (room: Room): Promise<void> => {
    if ((await workflow.read(room.id)).state.status === 'published') {
      throw HttpError.conflict(
        'The minutes are published; the attendance is frozen.',
        MinutesErrorCode.MinutesLocked,
      );
    }
  };
  const audit = (actor: Actor, room: Room, personId: string, included: boolean | null, at: string) =>
    recordAudit(db, {
      eventId: room.eventId,
      roomId: room.id,
      actorId: actor.personId,
      action: included === null ? 'attendance.clear' : 'attendance.set',
      targetId: personId,
      data: included === null ? {} : { included },
      at,
    });

  mountRoute(router, AttendanceRoutes.list, async ({ params, req }) => {
    const { room } = await organizerRoom(req, params.roomId);
    return view(room);
  });
  mountRoute(router, AttendanceRoutes.set, async ({ params, body, req }) => {
    const { actor, room } = await organizerRoom(req, params.roomId);
    await assertEditable(room);
    if (!(await findPerson(db, params.personId))) throw HttpError.notFound('Person');
    if (body.included) {
      const member = await db
        .selectFrom('event_members')
        .select('person_id')
        .where('event_id', '=', room.eventId)
        .where('person_id', '=', params.personId)
        .executeTakeFirst();
      if (!member) {
        throw new HttpError(400, ErrorCode.ValidationFailed, 'Only members of the event can be listed.', [
          { path: 'personId', message: 'Not a member of the event.' },
        ]);
      }
    }
    const at = nowIso(() => context.clock.now());
    await setAttendanceOverride(db, room.id, params.personId, body.included, actor.personId, at);
    await audit(actor, room, params.personId, body.included, at);
    return view(room);
  });
  mountRoute(router, AttendanceRoutes.clear, async ({ params, req }) => {
    const { actor, room } = await organizerRoom(req, params.roomId);
    await assertEditable(room);
    await clearAttendanceOverride(db, room.id, params.personId);
    await audit(
      actor,
      room,
      params.personId,
      null,
      nowIso(() => context.clock.now()),
    );
    return view(room);
  });
}
