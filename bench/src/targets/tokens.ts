import { SignJWT } from 'jose';

/**
 * Websocket tokens for people who cannot sign in (people created over REST have no password):
 * signed with the `SESSION_SECRET` the bench gives the server, with the claims and audience of
 * `server/src/auth/tokens.ts` `signWsToken`. If that format changes, connections get 401 and the
 * report says so.
 */
export async function signPersonToken(secret: string, personId: string, name: string): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return (
    new SignJWT({ name, org: false })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(personId)
      .setAudience('roundtable-ws')
      .setIssuedAt(issuedAt)
      // Long enough for a whole run; the server's own tokens live 10 minutes.
      .setExpirationTime(issuedAt + 60 * 60)
      .sign(new TextEncoder().encode(secret))
  );
}
