import type { Router } from 'express';
import { z } from 'zod';
import { canInEvent } from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import { EventParams } from '../events/params.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { readChatInReport, writeChatInReport } from './messages.js';

/** Per event: whether the report carries each room's public chat as an annex. */
export const ChatReportSettingSchema = z.object({ publicChatInReport: z.boolean() });

const tags = ['chat'];
const errors = { 401: 'Not signed in.', 403: 'Not an organizer.', 404: 'No such event.' } as const;

export const ChatRoutes = {
  readReportSetting: defineRoute({
    method: 'get',
    path: '/events/:eventId/chat-settings',
    summary: "Whether the event's report includes each room's public chat as an annex",
    tags,
    access: 'organizer',
    params: EventParams,
    response: ChatReportSettingSchema,
    errors,
  }),
  writeReportSetting: defineRoute({
    method: 'put',
    path: '/events/:eventId/chat-settings',
    summary: "Choose whether the event's report includes each room's public chat as an annex",
    tags,
    access: 'organizer',
    params: EventParams,
    body: ChatReportSettingSchema,
    response: ChatReportSettingSchema,
    errors: { ...errors, 400: 'Invalid body.' },
  }),
} as const;

export function mountChatRoutes(router: Router, context: ModuleContext): void {
  const organizer = async (req: Parameters<typeof context.sessions.requireActor>[0], eventId: string) => {
    const actor = await context.sessions.requireActor(req);
    if (!canInEvent(actor, 'event:manage', eventId)) throw HttpError.forbidden();
    const event = await context.store.db
      .selectFrom('events')
      .select('id')
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (!event) throw HttpError.notFound('Event');
    return actor.personId;
  };
  mountRoute(router, ChatRoutes.readReportSetting, async ({ params, req }) => {
    await organizer(req, params.eventId);
    return { publicChatInReport: await readChatInReport(context.store.db, params.eventId) };
  });
  mountRoute(router, ChatRoutes.writeReportSetting, async ({ params, body, req }) => {
    const actorId = await organizer(req, params.eventId);
    await context.store.transaction(async (tx) => {
      await writeChatInReport(tx, params.eventId, body.publicChatInReport);
      await recordAudit(tx, {
        eventId: params.eventId,
        actorId,
        action: 'chat.report-setting',
        data: { publicChatInReport: body.publicChatInReport },
        at: new Date(context.clock.now()).toISOString(),
      });
    });
    return body;
  });
}
