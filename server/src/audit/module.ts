import express from 'express';
import { AuditPageSchema, AuditQuerySchema } from '@roundtable/shared';
import { RoomParams } from '../events/params.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { AppModule, ModuleContext } from '../module.js';
import { listAudit } from './audit.js';

/** The audit endpoints, declared once for validation and the OpenAPI document. */
export const AuditRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/audit',
    summary: 'Read a room’s audit log (moderation actions), oldest first',
    tags: ['audit'],
    access: 'member',
    params: RoomParams,
    query: AuditQuerySchema,
    response: AuditPageSchema,
    errors: {
      400: 'Invalid query.',
      401: 'Not signed in.',
      403: 'Not a co-chair of the room or an organizer.',
      404: 'No such room.',
    },
  }),
} as const;

/**
 * The audit log reader. Writers call `recordAudit` from their own modules; this module only
 * serves `GET /api/rooms/:roomId/audit` to co-chairs and organizers.
 */
export function createAuditModule(context: ModuleContext): AppModule {
  const router = express.Router();
  const { db } = context.store;
  mountRoute(router, AuditRoutes.list, async ({ params, query, req }) => {
    const { room } = await context.guard.request(req, params.roomId, 'audit:read');
    const entries = await listAudit(db, { roomId: room.id, after: query.after, limit: query.limit });
    const last = entries[entries.length - 1];
    return { entries, next: entries.length === query.limit && last ? last.id : null };
  });
  return { name: 'audit', router };
}
