import { WsTokenSchema, type WsToken } from '@roundtable/shared';
import { apiRequest } from './http';

/**
 * Fetches a short-lived token for the room's websocket connections (Socket.IO, Yjs, LiveKit join).
 * The session cookie cannot travel on those connections, so the room view asks for one per connect.
 */
export function fetchWsToken(signal?: AbortSignal): Promise<WsToken> {
  return apiRequest('POST', '/api/auth/ws-token', { schema: WsTokenSchema, signal });
}

/** Whether a token is too close to expiry to open a new connection with (clock skew included). */
export function isWsTokenStale(token: WsToken, now: number = Date.now(), marginMs = 30_000): boolean {
  return Date.parse(token.expiresAt) - marginMs <= now;
}
