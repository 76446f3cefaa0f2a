import type { Request, Router } from 'express';
import { z } from 'zod';
import { computeSpeakingStats, speakingStatsToCsv, SpeakingStatsSchema } from '@roundtable/shared';
import { RoomParams } from '../events/params.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import type { SpeakingService } from './service.js';

const tags = ['speaking'];
const errors = {
  401: 'Not signed in.',
  403: 'Not a co-chair of the room or an organizer.',
  404: 'No such room.',
} as const;

/** The speaking statistics exports, declared once for validation and the OpenAPI document. */
export const SpeakingRoutes = {
  statsJson: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/speaking/stats.json',
    summary: 'Speaking time and turns per person, delegation and side (the running turn included)',
    tags,
    access: 'member',
    params: RoomParams,
    response: SpeakingStatsSchema,
    errors,
  }),
  statsCsv: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/speaking/stats.csv',
    summary: 'The same statistics as CSV: one row per person, delegation and side, then the total',
    tags,
    access: 'member',
    params: RoomParams,
    response: z.string(),
    contentType: 'text/csv',
    errors,
  }),
} as const;

export function mountSpeakingRoutes(router: Router, context: ModuleContext, service: SpeakingService): void {
  const statsOf = async (req: Request, roomId: string) => {
    const { room } = await context.guard.request(req, roomId, 'stats:read');
    return { room, stats: computeSpeakingStats((await service.current(room.id)).state, context.clock.now()) };
  };
  mountRoute(
    router,
    SpeakingRoutes.statsJson,
    async ({ params, req }) => (await statsOf(req, params.roomId)).stats,
  );
  mountRoute(router, SpeakingRoutes.statsCsv, async ({ params, req, res }) => {
    const { room, stats } = await statsOf(req, params.roomId);
    res.attachment(`speaking-${room.id}.csv`);
    return speakingStatsToCsv(stats);
  });
}
