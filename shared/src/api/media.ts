import { z } from 'zod';
import { FloorModeSchema } from '../domain/events.js';
import { IdSchema, TimestampSchema } from '../domain/people.js';

/**
 * The LiveKit side of a room: whether audio/video is available, join tokens and what they grant.
 * LiveKit itself is reached by the client with the token; our server only issues tokens, moves
 * publish rights with the floor and listens to LiveKit's webhooks.
 */

/** Track sources, named as LiveKit names them in a token's `canPublishSources`. */
export const MediaTrackSourceSchema = z.enum(['microphone', 'camera', 'screen_share', 'screen_share_audio']);
export type MediaTrackSource = z.infer<typeof MediaTrackSourceSchema>;

/**
 * What a person may do in a room's LiveKit room. Every field is explicit: LiveKit reads an unset
 * `canPublish`/`canSubscribe` as true, and a permission update reads an omitted field as false.
 */
export const MediaGrantsSchema = z.object({
  canPublish: z.boolean(),
  /** Only these sources may be published; empty when `canPublish` is false. */
  canPublishSources: z.array(MediaTrackSourceSchema),
  canSubscribe: z.boolean(),
  canPublishData: z.boolean(),
  hidden: z.boolean(),
});
export type MediaGrants = z.infer<typeof MediaGrantsSchema>;

/** Why a room has no audio/video. */
export const MediaOffReasonSchema = z.enum(['not_configured', 'room_media_off']);
export type MediaOffReason = z.infer<typeof MediaOffReasonSchema>;

/** `GET /api/rooms/:roomId/media`: whether the viewer can join the room's audio/video, and how. */
export const MediaStatusSchema = z.discriminatedUnion('enabled', [
  z.object({
    enabled: z.literal(true),
    /** LiveKit's websocket URL, as the browser reaches it. */
    url: z.string(),
    floorMode: FloorModeSchema,
    /** What a token fetched now would grant the viewer. */
    grants: MediaGrantsSchema,
  }),
  z.object({ enabled: z.literal(false), reason: MediaOffReasonSchema }),
]);
export type MediaStatus = z.infer<typeof MediaStatusSchema>;

/** `POST /api/rooms/:roomId/media/token`: a short-lived LiveKit join token. */
export const MediaTokenSchema = z.object({
  url: z.string(),
  token: z.string(),
  expiresAt: TimestampSchema,
  /** The LiveKit room name the token is for. */
  roomName: z.string(),
  /** The participant identity inside LiveKit: the person's id. */
  identity: IdSchema,
  grants: MediaGrantsSchema,
});
export type MediaToken = z.infer<typeof MediaTokenSchema>;

/**
 * Participant attributes carried by the token and shown by LiveKit to everyone in the room.
 * Keys are absent when the person sits in no delegation.
 */
export const MediaAttributesSchema = z.object({
  role: z.enum(['organizer', 'co_chair', 'note_taker', 'participant', 'observer']),
  side: z.string().optional(),
  delegation: z.string().optional(),
  category: z.string().optional(),
});
export type MediaAttributes = z.infer<typeof MediaAttributesSchema>;

/** Error codes of the media endpoints and `media:*` events besides the common ones. */
export const MediaErrorCode = {
  /** Audio/video is off (not configured, or off for this room); `details.reason` says which. */
  MediaOff: 'media_off',
  /** The person is not in the room's LiveKit room right now. */
  NotInMedia: 'not_in_media',
  /** LiveKit refused or did not answer after the retries. */
  LiveKitFailed: 'livekit_failed',
} as const;

/** Path LiveKit posts webhooks to (configure it in LiveKit's `webhook.urls`). */
export const LIVEKIT_WEBHOOK_PATH = '/api/livekit/webhook';
/** The content type LiveKit posts webhooks with; the body must be read raw to check its hash. */
export const LIVEKIT_WEBHOOK_CONTENT_TYPE = 'application/webhook+json';

/** Answer to an accepted webhook; a replayed event id is accepted again but not applied twice. */
export const WebhookAckSchema = z.object({ received: z.literal(true), duplicate: z.boolean() });
export type WebhookAck = z.infer<typeof WebhookAckSchema>;
