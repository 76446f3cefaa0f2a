import type { Request, RequestHandler, Response, Router } from 'express';
import {
  AuthErrorCode,
  CreateOrganizerBodySchema,
  LoginBodySchema,
  MeSchema,
  PersonSchema,
  WsTokenSchema,
  type Me,
} from '@roundtable/shared';
import { requireGlobalAction } from '../events/guards.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { verifyPassword, hashPassword } from './passwords.js';
import { findPersonByEmail, findPersonById, insertPerson, loadMe } from './people.js';
import { signWsToken } from './tokens.js';

const tags = ['auth'];

/** Sign-in, session and organizer-account endpoints, declared once for validation and OpenAPI. */
export const AuthRoutes = {
  login: defineRoute({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password',
    description: 'Sets the httpOnly session cookie. Failed attempts are limited per IP address and email.',
    tags,
    access: 'public',
    body: LoginBodySchema,
    response: MeSchema,
    errors: {
      400: 'Invalid fields.',
      401: '`invalid_credentials`: unknown email or wrong password (one answer for both).',
      429: '`rate_limited`: too many failed attempts for this IP address and email.',
    },
  }),
  logout: defineRoute({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out (ends this session)',
    tags,
    access: 'public',
    errors: {},
  }),
  me: defineRoute({
    method: 'get',
    path: '/auth/me',
    summary: 'Who is signed in, with memberships and room roles',
    tags,
    access: 'signed-in',
    response: MeSchema,
    errors: { 401: 'Not signed in.' },
  }),
  wsToken: defineRoute({
    method: 'post',
    path: '/auth/ws-token',
    summary: 'A short-lived token for Socket.IO, the Yjs endpoint and LiveKit joins',
    tags,
    access: 'signed-in',
    response: WsTokenSchema,
    errors: { 401: 'Not signed in.' },
  }),
  createOrganizer: defineRoute({
    method: 'post',
    path: '/organizers',
    summary: 'Create another organizer account',
    tags,
    access: 'organizer',
    body: CreateOrganizerBodySchema,
    response: PersonSchema,
    status: 201,
    errors: {
      400: 'Invalid fields.',
      401: 'Not signed in.',
      403: 'Not an organizer.',
      409: 'A person with this email exists.',
    },
  }),
} as const;

/** The signed-in person's `Me`, or a 401 (also when the person was removed meanwhile). */
export async function requireMe(context: ModuleContext, req: Request): Promise<Me> {
  const personId = await context.sessions.personIdOf(req);
  const me = personId ? await loadMe(context.store.db, personId) : null;
  if (!me) throw HttpError.unauthenticated();
  return me;
}

/** Signs `personId` in on this response and answers their `Me`. */
export async function signInAndLoadMe(
  context: ModuleContext,
  req: Request,
  res: Response,
  personId: string,
): Promise<Me> {
  await context.sessions.signIn(res, personId, req.secure);
  const me = await loadMe(context.store.db, personId);
  if (!me) throw HttpError.unauthenticated();
  return me;
}

export function mountAuthRoutes(router: Router, context: ModuleContext, loginLimiter: RequestHandler): void {
  const { db } = context.store;

  mountRoute(
    router,
    AuthRoutes.login,
    async ({ req, res, body }) => {
      const person = await findPersonByEmail(db, body.email);
      const passwordOk = await verifyPassword(person?.password_hash ?? null, body.password);
      if (!person || !passwordOk) {
        throw new HttpError(401, AuthErrorCode.InvalidCredentials, 'Wrong email or password.');
      }
      return signInAndLoadMe(context, req, res, person.id);
    },
    loginLimiter,
  );

  mountRoute(router, AuthRoutes.logout, async ({ req, res }) => {
    await context.sessions.signOut(req, res);
  });

  mountRoute(router, AuthRoutes.me, ({ req }) => requireMe(context, req));

  mountRoute(router, AuthRoutes.wsToken, async ({ req }) => {
    const personId = await context.sessions.personIdOf(req);
    const person = personId ? await findPersonById(db, personId) : undefined;
    if (!person) throw HttpError.unauthenticated();
    const { token, expiresAt } = await signWsToken(
      context.secret,
      { sub: person.id, name: person.name, org: person.is_organizer === 1 },
      context.clock.now(),
    );
    return { token, expiresAt: expiresAt.toISOString() };
  });

  mountRoute(router, AuthRoutes.createOrganizer, async ({ req, body }) => {
    await requireGlobalAction(context.sessions, req, 'organizer:create');
    const created = await insertPerson(
      db,
      { ...body, isOrganizer: true, passwordHash: await hashPassword(body.password) },
      context.clock.now(),
    );
    if (!created) throw HttpError.conflict('A person with this email exists already.');
    return created;
  });
}
