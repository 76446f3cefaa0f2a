import type { Request, Router } from 'express';
import {
  MinutesContextSchema,
  MinutesWorkflowViewSchema,
  SeedTemplateBodySchema,
  SeedTemplateResultSchema,
  type Room,
} from '@roundtable/shared';
import type { Actor, RoomAction } from '@roundtable/shared';
import { RoomParams } from '../events/params.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { readMinutesContext } from './context.js';
import { seedMinutesTemplate, type SeedDeps } from './template.js';
import { type MinutesWorkflowService, type WorkflowCommandKind } from './workflow.js';

const tags = ['minutes'];
const ROOM_ERRORS = { 401: 'Not signed in.', 404: 'No such room.' } as const;

const command = (kind: WorkflowCommandKind, summary: string, who: string, refusals: string) =>
  defineRoute({
    method: 'post',
    path: `/rooms/:roomId/minutes/${kind}`,
    summary,
    description: `${who} Refusals (409): ${refusals}.`,
    tags,
    access: 'member',
    params: RoomParams,
    response: MinutesWorkflowViewSchema,
    errors: { ...ROOM_ERRORS, 403: 'Not allowed to do this in the room.', 409: refusals },
  });

/** The minutes workflow and writing-aid endpoints, declared once for validation and OpenAPI. */
export const MinutesRoutes = {
  workflow: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/minutes',
    summary: 'The minutes’ workflow: status, approvals, and what the caller may do',
    tags,
    access: 'member',
    params: RoomParams,
    response: MinutesWorkflowViewSchema,
    errors: { ...ROOM_ERRORS, 403: 'The caller may not read the room’s minutes.' },
  }),
  submit: command(
    'submit',
    'Submit draft minutes for approval (the document becomes read-only)',
    'Note-takers, co-chairs and organizers.',
    '`not_draft`',
  ),
  approve: command(
    'approve',
    'Approve submitted minutes as one of the room’s co-chairs',
    'The co-chairs the minutes wait for (an organizer when the room had none).',
    '`not_submitted`, `already_approved`, `not_an_approver`',
  ),
  reopen: command(
    'reopen',
    'Reopen minutes: back to a writable draft, approvals cleared (co-chairs: send back for correction)',
    'Organizers; the room’s co-chairs while the minutes are submitted or approved.',
    '`already_published` (a co-chair, once published); reopening a draft changes nothing',
  ),
  publish: command(
    'publish',
    'Publish approved minutes into the event’s report (attendance is frozen)',
    'Organizers.',
    '`not_approved`',
  ),
  template: defineRoute({
    method: 'post',
    path: '/rooms/:roomId/minutes/template',
    summary: 'Insert one section per agenda item into blank minutes, exactly once',
    description:
      'Idempotent: call whenever a writer opens the minutes. Only the first call on any instance ' +
      'inserts; later ones answer `already_seeded`.',
    tags,
    access: 'member',
    params: RoomParams,
    body: SeedTemplateBodySchema,
    response: SeedTemplateResultSchema,
    errors: { ...ROOM_ERRORS, 400: 'Invalid body.', 403: 'Not a writer of the minutes.' },
  }),
  context: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/minutes/context',
    summary: 'Writing aids: the current floor holder and agenda item',
    tags,
    access: 'member',
    params: RoomParams,
    response: MinutesContextSchema,
    errors: { ...ROOM_ERRORS, 403: 'Not a writer of the minutes.' },
  }),
} as const;

/**
 * The signed-in actor and the room, once the room guard lets them do `action` there: 401 signed
 * out, 404 no such room, 403 no access or not admitted (waiting, removed).
 */
export async function actorAndRoom(
  context: ModuleContext,
  req: Request,
  roomId: string,
  action: RoomAction = 'room:enter',
): Promise<{ actor: Actor; room: Room }> {
  const { person, room } = await context.guard.request(req, roomId, action);
  return { actor: person.actor, room };
}

export function mountMinutesRoutes(
  router: Router,
  context: ModuleContext,
  workflow: MinutesWorkflowService,
  seedDeps: SeedDeps,
): void {
  mountRoute(router, MinutesRoutes.workflow, async ({ params, req }) => {
    const { actor, room } = await actorAndRoom(context, req, params.roomId, 'minutes:read');
    return workflow.viewFor(actor, room, await workflow.read(room.id));
  });
  for (const kind of ['submit', 'approve', 'reopen', 'publish'] as const) {
    mountRoute(router, MinutesRoutes[kind], async ({ params, req }) => {
      const { actor, room } = await actorAndRoom(context, req, params.roomId);
      return workflow.run(actor, room, kind);
    });
  }
  mountRoute(router, MinutesRoutes.template, async ({ params, body, req }) => {
    const { actor, room } = await actorAndRoom(context, req, params.roomId, 'minutes:write');
    return seedMinutesTemplate(seedDeps, room, actor.personId, body.language);
  });
  mountRoute(router, MinutesRoutes.context, async ({ params, req }) => {
    const { room } = await actorAndRoom(context, req, params.roomId, 'minutes:write');
    return readMinutesContext(context.modules, context.store.db, room);
  });
}
