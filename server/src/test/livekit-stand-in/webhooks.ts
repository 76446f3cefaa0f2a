import crypto from 'node:crypto';
import { LIVEKIT_WEBHOOK_CONTENT_TYPE } from '@roundtable/shared';
import { AccessToken, type ParticipantInfo, type TrackInfo } from 'livekit-server-sdk';

/*
 * Webhooks as LiveKit sends them: a JSON body (protobuf JSON: camelCase names, int64 as strings),
 * content type `application/webhook+json`, and an `Authorization` header holding a bare JWT signed
 * with the API secret whose `sha256` claim is the base64 SHA-256 of the exact body bytes.
 */

export type WebhookEventName =
  | 'room_started'
  | 'room_finished'
  | 'participant_joined'
  | 'participant_left'
  | 'participant_connection_aborted'
  | 'track_published'
  | 'track_unpublished';

export interface WebhookEventInput {
  event: WebhookEventName;
  roomName: string;
  participant?: ParticipantInfo;
  track?: TrackInfo;
  /** Event id; a fresh one when omitted. */
  id?: string;
  /** Unix seconds; now when omitted. */
  createdAt?: number;
}

/** The JSON body LiveKit would post for `input`. */
export function webhookBody(input: WebhookEventInput): string {
  return JSON.stringify({
    event: input.event,
    id: input.id ?? `EV_${crypto.randomBytes(6).toString('hex')}`,
    createdAt: String(input.createdAt ?? Math.floor(Date.now() / 1000)),
    room: {
      name: input.roomName,
      sid: `RM_${crypto.createHash('sha1').update(input.roomName).digest('hex').slice(0, 12)}`,
    },
    ...(input.participant ? { participant: input.participant.toJson() } : {}),
    ...(input.track ? { track: input.track.toJson() } : {}),
  });
}

/** Signs `body` exactly as LiveKit does: a token whose `sha256` claim is the body's digest. */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '5m' });
  token.sha256 = crypto.createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

export interface PostWebhookOptions {
  /** The Authorization header value; LiveKit's signature when omitted. */
  authorization?: string;
  contentType?: string;
}

/** Posts a webhook body to `url` the way LiveKit does (or, with options, the way an attacker might). */
export async function postWebhook(
  url: string,
  body: string,
  keys: { apiKey: string; apiSecret: string },
  options: PostWebhookOptions = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? LIVEKIT_WEBHOOK_CONTENT_TYPE,
      authorization: options.authorization ?? (await signWebhook(body, keys.apiKey, keys.apiSecret)),
    },
    body,
  });
}
