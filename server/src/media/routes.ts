import type { Request, Router } from 'express';
import {
  MediaErrorCode,
  MediaStatusSchema,
  MediaTokenSchema,
  type MediaStatus,
  type Room,
} from '@roundtable/shared';
import { RoomParams } from '../events/params.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import type { LiveKit } from './livekit.js';
import { grantsOf, subjectOf, type MediaSubject } from './subjects.js';
import { issueJoinToken } from './token.js';

const tags = ['media'];
const accessErrors = {
  401: 'Not signed in.',
  403: "The room's access rule does not admit the caller, or they are not admitted now (`not_admitted`).",
  404: 'No such room.',
} as const;

/** The media endpoints, declared once for validation and the OpenAPI document. */
export const MediaRoutes = {
  status: defineRoute({
    method: 'get',
    path: '/rooms/:roomId/media',
    summary: "Whether the caller can join the room's audio/video, and with which rights",
    description:
      'Answers `enabled: false` with a reason when LiveKit is not configured or the room has media off.',
    tags,
    access: 'member',
    params: RoomParams,
    response: MediaStatusSchema,
    errors: accessErrors,
  }),
  token: defineRoute({
    method: 'post',
    path: '/rooms/:roomId/media/token',
    summary: "A short-lived LiveKit join token for the room's audio/video",
    description:
      'Grants follow the role and, in a moderated room, the floor. Fetch a new token before every (re)connect.',
    tags,
    access: 'member',
    params: RoomParams,
    response: MediaTokenSchema,
    errors: { ...accessErrors, 409: 'Audio/video is off (`media_off`, `details.reason` says why).' },
  }),
} as const;

export interface MediaRouteDeps {
  context: ModuleContext;
  liveKit: LiveKit | null;
  floorHolder(roomId: string): Promise<string | null>;
}

export function mountMediaRoutes(router: Router, deps: MediaRouteDeps): void {
  const { context, liveKit } = deps;
  const { db } = context.store;

  /** The signed-in caller as a media participant of the room: 401, 404 or 403 otherwise. */
  const requireSubject = async (
    req: Request,
    roomId: string,
  ): Promise<{ room: Room; subject: MediaSubject }> => {
    const pass = await context.guard.request(req, roomId, 'media:join');
    return { room: pass.room, subject: await subjectOf(db, pass) };
  };

  mountRoute(router, MediaRoutes.status, async ({ req, params }): Promise<MediaStatus> => {
    const { room, subject } = await requireSubject(req, params.roomId);
    if (!liveKit) return { enabled: false, reason: 'not_configured' };
    if (!room.mediaEnabled) return { enabled: false, reason: 'room_media_off' };
    return {
      enabled: true,
      url: liveKit.url,
      floorMode: room.floorMode,
      grants: grantsOf(subject, room, await deps.floorHolder(room.id)),
    };
  });

  mountRoute(router, MediaRoutes.token, async ({ req, params }) => {
    const { room, subject } = await requireSubject(req, params.roomId);
    if (!liveKit || !room.mediaEnabled) {
      throw new HttpError(409, MediaErrorCode.MediaOff, 'Audio/video is off for this room.', {
        reason: liveKit ? 'room_media_off' : 'not_configured',
      });
    }
    return issueJoinToken(
      liveKit,
      {
        roomId: room.id,
        personId: subject.personId,
        name: subject.name,
        attributes: subject.attributes,
        grants: grantsOf(subject, room, await deps.floorHolder(room.id)),
      },
      context.clock.now(),
    );
  });
}
