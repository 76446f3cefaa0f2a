import { z } from 'zod';
import { MediaTrackSourceSchema } from '../api/media.js';
import { IdSchema } from '../domain/people.js';
import type { Command } from './common.js';

/**
 * Media events. Names are `media:verb`; payload schemas live here beside the event maps
 * so server and client validate the same shapes.
 */
export const MediaEvents = {
  /** Client → server: follow a room's publish-right changes (and, for co-chairs, media errors). */
  Subscribe: 'media:subscribe',
  /** Client → server: stop following a room. */
  Unsubscribe: 'media:unsubscribe',
  /** Client → server (co-chairs): mute a person's published tracks of one source. Advisory. */
  Mute: 'media:mute',
  /** Client → server (co-chairs): disconnect a person from the room's audio/video. */
  Remove: 'media:remove',
  /** Server → client: a person's publish right changed (the floor moved, a role changed). */
  Permission: 'media:permission',
  /** Server → co-chairs: a LiveKit call failed after its retries and was not applied. */
  Error: 'media:error',
} as const;

export const MediaRoomPayloadSchema = z.object({ roomId: IdSchema });
export type MediaRoomPayload = z.infer<typeof MediaRoomPayloadSchema>;

export const MediaSubscribeResultSchema = z.object({
  /** The subscriber moderates the room and receives `media:error`. */
  moderator: z.boolean(),
});
export type MediaSubscribeResult = z.infer<typeof MediaSubscribeResultSchema>;

export const MediaMutePayloadSchema = z.object({
  roomId: IdSchema,
  personId: IdSchema,
  source: MediaTrackSourceSchema.default('microphone'),
});
export type MediaMutePayload = z.input<typeof MediaMutePayloadSchema>;

export const MediaMuteResultSchema = z.object({
  /** Tracks that were muted (0 when the person publishes nothing from that source). */
  muted: z.number().int().nonnegative(),
});
export type MediaMuteResult = z.infer<typeof MediaMuteResultSchema>;

export const MediaRemovePayloadSchema = z.object({ roomId: IdSchema, personId: IdSchema });
export type MediaRemovePayload = z.infer<typeof MediaRemovePayloadSchema>;

export const MediaPermissionSchema = z.object({
  roomId: IdSchema,
  personId: IdSchema,
  canPublish: z.boolean(),
  canPublishSources: z.array(MediaTrackSourceSchema),
});
export type MediaPermission = z.infer<typeof MediaPermissionSchema>;

/** Which server-side media operation failed. */
export const MediaOperationSchema = z.enum(['grant', 'revoke', 'mute', 'remove']);
export type MediaOperation = z.infer<typeof MediaOperationSchema>;

export const MediaErrorSchema = z.object({
  roomId: IdSchema,
  operation: MediaOperationSchema,
  personId: IdSchema.nullable(),
  /** LiveKit's error code (`unavailable`, `permission_denied`…) or `network`. */
  code: z.string(),
  message: z.string(),
  attempts: z.number().int().positive(),
});
export type MediaError = z.infer<typeof MediaErrorSchema>;

export interface MediaClientEvents {
  [MediaEvents.Subscribe]: Command<MediaRoomPayload, MediaSubscribeResult>;
  [MediaEvents.Unsubscribe]: Command<MediaRoomPayload, null>;
  [MediaEvents.Mute]: Command<MediaMutePayload, MediaMuteResult>;
  [MediaEvents.Remove]: Command<MediaRemovePayload, null>;
}

export interface MediaServerEvents {
  [MediaEvents.Permission]: (payload: MediaPermission) => void;
  [MediaEvents.Error]: (payload: MediaError) => void;
}
