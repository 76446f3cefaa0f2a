import { WsTokenClaimsSchema, type WsTokenClaims } from '@roundtable/shared';
import { SignJWT, jwtVerify } from 'jose';

const AUDIENCE = 'roundtable-ws';
/** Websocket tokens live briefly; clients fetch a new one before every (re)connect. */
export const WS_TOKEN_TTL_SECONDS = 10 * 60;

/** Signs the short-lived websocket token (HS256 with the instance-shared secret). */
export async function signWsToken(
  secret: Uint8Array,
  claims: WsTokenClaims,
  nowMs: number,
  ttlSeconds = WS_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ name: claims.name, org: claims.org })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Verifies a websocket token; null when it is missing, forged, expired or malformed. */
export async function verifyWsToken(
  secret: Uint8Array,
  token: string | undefined | null,
  nowMs: number = Date.now(),
): Promise<WsTokenClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, secret, {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
    });
    const parsed = WsTokenClaimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
