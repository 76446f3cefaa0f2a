import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { loadActor } from '../access/load-actor.js';
import type { Actor } from '@roundtable/shared';
import type { Db, Store } from '../store/db.js';
import { HttpError } from '../http/errors.js';

export const SESSION_COOKIE = 'rt_session';
const SESSION_DAYS = 14;

/** Hashes a bearer secret for storage: a leaked table does not leak usable tokens. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Cookie-backed sign-in sessions stored in the durable store (shared by every instance). */
export interface Sessions {
  /** Starts a session for `personId` and sets the httpOnly cookie. */
  signIn(res: Response, personId: string, secure: boolean): Promise<void>;
  signOut(req: Request, res: Response): Promise<void>;
  /** The signed-in person's id, or null. */
  personIdOf(req: Request): Promise<string | null>;
  /** The signed-in actor, or null for the public. */
  actorOf(req: Request): Promise<Actor | null>;
  /** The signed-in actor, or a 401. */
  requireActor(req: Request): Promise<Actor>;
  /** Ends every session of a person (password change, removal). */
  revokeAll(personId: string): Promise<void>;
}

/**
 * Stores a new session for `personId` and returns the bearer token for the cookie. The only place
 * session rows are written (tests sign people in through it too).
 */
export async function createSessionRow(
  db: Db,
  personId: string,
  nowMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(nowMs + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      person_id: personId,
      created_at: new Date(nowMs).toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

export function createSessions(store: Store, now: () => number): Sessions {
  const personIdOf = async (req: Request): Promise<string | null> => {
    const raw = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!raw) return null;
    const row = await store.db
      .selectFrom('sessions')
      .select(['person_id', 'expires_at'])
      .where('id_hash', '=', hashToken(raw))
      .executeTakeFirst();
    if (!row || Date.parse(row.expires_at) <= now()) return null;
    return row.person_id;
  };
  const actorOf = async (req: Request): Promise<Actor | null> => {
    const id = await personIdOf(req);
    return id ? loadActor(store.db, id) : null;
  };
  return {
    async signIn(res, personId, secure) {
      const { token, expiresAt } = await createSessionRow(store.db, personId, now());
      res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: expiresAt,
      });
    },
    async signOut(req, res) {
      const raw = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      if (raw) await store.db.deleteFrom('sessions').where('id_hash', '=', hashToken(raw)).execute();
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    },
    personIdOf,
    actorOf,
    async requireActor(req) {
      const actor = await actorOf(req);
      if (!actor) throw HttpError.unauthenticated();
      return actor;
    },
    async revokeAll(personId) {
      await store.db.deleteFrom('sessions').where('person_id', '=', personId).execute();
    },
  };
}
