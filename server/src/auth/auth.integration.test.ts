import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { MeSchema, PersonSchema, PROTOCOL_VERSION, WsTokenSchema, type Ack } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildOrganizerWithPassword,
  buildPerson,
  buildRoom,
  buildRoomRole,
  signInAs,
} from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { call } from './test-http.js';
import { verifyWsToken } from './tokens.js';

describe.each(STORE_KINDS)('sign-in and sessions on %s', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ store });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an organizer signs in with email and password and gets Me and an httpOnly session cookie', async () => {
    const { person, password } = await buildOrganizerWithPassword(t.store.db);
    const res = await call(t, 'POST', '/api/auth/login', { body: { email: person.email, password } });
    expect(res.status).toBe(200);
    expect(MeSchema.parse(res.body).person).toEqual(person);
    expect(res.rawSessionCookie).toMatch(/HttpOnly/i);
    expect(res.rawSessionCookie).toMatch(/SameSite=Lax/i);
    expect(res.rawSessionCookie).not.toMatch(/Secure/i);
    const me = await call(t, 'GET', '/api/auth/me', { cookie: res.sessionCookie });
    expect(me.status).toBe(200);
    expect(MeSchema.parse(me.body).person.id).toBe(person.id);
  });

  it('the email is matched whatever its case', async () => {
    const { person, password } = await buildOrganizerWithPassword(t.store.db);
    const res = await call(t, 'POST', '/api/auth/login', {
      body: { email: person.email?.toUpperCase(), password },
    });
    expect(res.status).toBe(200);
  });

  it('a wrong password and an unknown email get the same 401 invalid_credentials answer', async () => {
    const { person } = await buildOrganizerWithPassword(t.store.db);
    const wrong = await call(t, 'POST', '/api/auth/login', {
      body: { email: person.email, password: 'not the password' },
    });
    const unknown = await call(t, 'POST', '/api/auth/login', {
      body: { email: 'nobody@example.org', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong email or password.' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.sessionCookie).toBeNull();
  });

  it('a person invited by link only has no password to sign in with', async () => {
    const delegate = await buildPerson(t.store.db);
    const res = await call(t, 'POST', '/api/auth/login', {
      body: { email: delegate.email, password: 'anything' },
    });
    expect(res.status).toBe(401);
  });

  it('a malformed sign-in is refused with 400 and the bad fields', async () => {
    const res = await call(t, 'POST', '/api/auth/login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('signing out ends the session: the old cookie no longer works', async () => {
    const person = await buildPerson(t.store.db);
    const cookie = await signInAs(t, person.id);
    expect((await call(t, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    const out = await call(t, 'POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.rawSessionCookie).toMatch(/^rt_session=;/);
    expect((await call(t, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('Me answers 401 without a session or with a forged cookie', async () => {
    expect((await call(t, 'GET', '/api/auth/me')).status).toBe(401);
    const forged = await call(t, 'GET', '/api/auth/me', { cookie: 'rt_session=forged' });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('Me lists the event memberships and room roles of the signed-in person', async () => {
    const event = await buildEvent(t.store.db);
    const room = await buildRoom(t.store.db, event.id);
    const delegation = await buildDelegation(t.store.db, event.id, { side: 'Japan', category: 'government' });
    const person = await buildPerson(t.store.db);
    await buildMember(t.store.db, event.id, person.id, { delegationId: delegation.id, place: 'online' });
    await buildRoomRole(t.store.db, room.id, person.id, 'note_taker');
    const res = await call(t, 'GET', '/api/auth/me', { cookie: await signInAs(t, person.id) });
    expect(MeSchema.parse(res.body)).toEqual({
      person,
      memberships: [{ eventId: event.id, personId: person.id, delegationId: delegation.id, place: 'online' }],
      roles: [{ roomId: room.id, personId: person.id, role: 'note_taker' }],
    });
  });

  it('a websocket token carries who the person is and authenticates a Socket.IO connection', async () => {
    const { person } = await buildOrganizerWithPassword(t.store.db, { name: 'KASHIWABARA Kyoko' });
    const res = await call(t, 'POST', '/api/auth/ws-token', { cookie: await signInAs(t, person.id) });
    expect(res.status).toBe(200);
    const { token, expiresAt } = WsTokenSchema.parse(res.body);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 5 * 60_000);
    expect(await verifyWsToken(t.app.context.secret, token)).toEqual({
      sub: person.id,
      name: 'KASHIWABARA Kyoko',
      org: true,
    });
    const socket = connectSocket(t.url, {
      auth: { token, protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
    });
    try {
      const ack = await new Promise<Ack<{ serverNow: number }>>((resolve) => {
        socket.emit('clock:ping', {}, resolve);
      });
      expect(ack.ok).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('no websocket token is issued without a session', async () => {
    const res = await call(t, 'POST', '/api/auth/ws-token');
    expect(res.status).toBe(401);
  });

  it('an organizer creates another organizer, who can then sign in', async () => {
    const { person: organizer } = await buildOrganizerWithPassword(t.store.db);
    const res = await call(t, 'POST', '/api/organizers', {
      cookie: await signInAs(t, organizer.id),
      body: { name: 'Second Organizer', email: 'Second@Example.org', password: 'a long password' },
    });
    expect(res.status).toBe(201);
    const created = PersonSchema.parse(res.body);
    expect(created).toMatchObject({
      name: 'Second Organizer',
      email: 'second@example.org',
      isOrganizer: true,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const login = await call(t, 'POST', '/api/auth/login', {
      body: { email: 'second@example.org', password: 'a long password' },
    });
    expect(login.status).toBe(200);
  });

  it('only organizers create organizers', async () => {
    const body = { name: 'Intruder', email: 'intruder@example.org', password: 'a long password' };
    const delegate = await buildPerson(t.store.db);
    const asDelegate = await call(t, 'POST', '/api/organizers', {
      cookie: await signInAs(t, delegate.id),
      body,
    });
    expect(asDelegate.status).toBe(403);
    const anonymous = await call(t, 'POST', '/api/organizers', { body });
    expect(anonymous.status).toBe(401);
    const count = await t.store.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', 'intruder@example.org')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('an organizer cannot be created with an email that exists', async () => {
    const { person: organizer } = await buildOrganizerWithPassword(t.store.db);
    const existing = await buildPerson(t.store.db);
    const res = await call(t, 'POST', '/api/organizers', {
      cookie: await signInAs(t, organizer.id),
      body: { name: 'Twin', email: existing.email?.toUpperCase(), password: 'a long password' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'conflict' } });
  });
});
