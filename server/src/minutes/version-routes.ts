import type { Router } from 'express';
import { z } from 'zod';
import {
  CreateMinutesVersionBodySchema,
  IdSchema,
  MinutesErrorCode,
  MinutesVersionSchema,
} from '@roundtable/shared';
import { RoomParams } from '../events/params.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { nowIso } from '../store/db.js';
import { namesOf } from './people.js';
import { actorAndRoom } from './routes.js';
import { listVersions, restoreVersion, saveVersion, type VersionDeps } from './versions.js';
import type { MinutesWorkflowService } from './workflow.js';

const tags = ['minutes'];
const VersionParams = RoomParams.extend({ versionId: IdSchema });
const ERRORS = { 401: 'Not signed in.', 403: 'Not a writer of the minutes.', 404: 'No such room.' } as const;

export const MinutesVersionRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/minutes/versions',
    summary: 'Named versions of the minutes, newest first',
    tags,
    access: 'member',
    params: RoomParams,
    response: z.array(MinutesVersionSchema),
    errors: ERRORS,
  }),
  save: defineRoute({
    method: 'post',
    path: '/rooms/:roomId/minutes/versions',
    summary: 'Save the minutes as they are now under a name ("draft for co-chairs")',
    tags,
    access: 'member',
    params: RoomParams,
    body: CreateMinutesVersionBodySchema,
    response: MinutesVersionSchema,
    status: 201,
    errors: { ...ERRORS, 400: 'Invalid name.' },
  }),
  restore: defineRoute({
    method: 'post',
    path: '/rooms/:roomId/minutes/versions/:versionId/restore',
    summary: 'Make the minutes’ content equal to a saved version (drafts only)',
    description: 'Connected editors receive the change as ordinary edits.',
    tags,
    access: 'member',
    params: VersionParams,
    response: MinutesVersionSchema,
    errors: {
      ...ERRORS,
      404: 'No such room or version.',
      409: '`minutes_locked`: the minutes are not a draft.',
    },
  }),
} as const;

export function mountMinutesVersionRoutes(
  router: Router,
  context: ModuleContext,
  workflow: MinutesWorkflowService,
  deps: VersionDeps,
): void {
  const now = (): string => nowIso(() => context.clock.now());
  mountRoute(router, MinutesVersionRoutes.list, async ({ params, req }) => {
    const { room } = await actorAndRoom(context, req, params.roomId, 'minutes:write');
    return listVersions(deps.db, room.id);
  });
  mountRoute(router, MinutesVersionRoutes.save, async ({ params, body, req }) => {
    const { actor, room } = await actorAndRoom(context, req, params.roomId, 'minutes:write');
    const names = await namesOf(deps.db, [actor.personId]);
    const author = { personId: actor.personId, name: names.get(actor.personId) ?? '' };
    return saveVersion(deps, room, author, body.name, now());
  });
  mountRoute(router, MinutesVersionRoutes.restore, async ({ params, req }) => {
    const { actor, room } = await actorAndRoom(context, req, params.roomId, 'minutes:write');
    // Submitted minutes are what the co-chairs approve: nothing may change them, restores included.
    if ((await workflow.read(room.id)).state.status !== 'draft') {
      throw HttpError.conflict('Only draft minutes can be restored.', MinutesErrorCode.MinutesLocked);
    }
    return restoreVersion(deps, room, params.versionId, actor.personId, now());
  });
}
