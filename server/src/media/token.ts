import type { MediaAttributes, MediaGrants, MediaToken } from '@roundtable/shared';
import { AccessToken } from 'livekit-server-sdk';
import { liveKitRoomName, toVideoGrant } from './grants.js';
import type { LiveKit } from './livekit.js';

/**
 * Join tokens live ten minutes: a revoked right or a lost access must not outlive the token for
 * long, and clients fetch a new token before each (re)connect.
 */
export const MEDIA_TOKEN_TTL_SECONDS = 10 * 60;

export interface JoinTokenRequest {
  roomId: string;
  personId: string;
  name: string;
  attributes: MediaAttributes;
  grants: MediaGrants;
}

/** Signs a LiveKit join token for one person in one room's LiveKit room. */
export async function issueJoinToken(
  liveKit: LiveKit,
  request: JoinTokenRequest,
  nowMs: number,
  ttlSeconds = MEDIA_TOKEN_TTL_SECONDS,
): Promise<MediaToken> {
  const roomName = liveKitRoomName(request.roomId);
  const token = new AccessToken(liveKit.apiKey, liveKit.apiSecret, {
    identity: request.personId,
    name: request.name,
    ttl: ttlSeconds,
    attributes: toAttributeMap(request.attributes),
  });
  token.addGrant(toVideoGrant(roomName, request.grants));
  return {
    url: liveKit.url,
    token: await token.toJwt(),
    expiresAt: new Date(nowMs + ttlSeconds * 1000).toISOString(),
    roomName,
    identity: request.personId,
    grants: request.grants,
  };
}

/** LiveKit attributes are string → string; absent keys stay absent (an empty value deletes). */
function toAttributeMap(attributes: MediaAttributes): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string' && value !== '') map[key] = value;
  }
  return map;
}
