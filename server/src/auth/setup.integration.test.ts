import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeSchema, SetupStatusSchema } from '@roundtable/shared';
import { issueSetupToken, SETUP_TOKEN_TTL_MS } from '../bootstrap/setup.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildOrganizer } from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { call } from './test-http.js';

const setupBody = (token: string, email = 'secretariat@example.org') => ({
  token,
  name: 'Secretariat',
  email,
  password: 'a long enough password',
});

async function organizerCount(t: TestApp): Promise<number> {
  const row = await t.store.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_organizer', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(STORE_KINDS)('first-run setup on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ store });
  });
  afterEach(async () => {
    await t.close();
  });

  it('setup is needed while no organizer exists, and not once one does', async () => {
    const before = await call(t, 'GET', '/api/setup');
    expect(SetupStatusSchema.parse(before.body)).toEqual({ needed: true });
    await buildOrganizer(t.store.db);
    const after = await call(t, 'GET', '/api/setup');
    expect(SetupStatusSchema.parse(after.body)).toEqual({ needed: false });
  });

  it('a valid setup token creates the first organizer, signs them in, and cannot be used twice', async () => {
    const token = await issueSetupToken(t.store.db, Date.now());
    const res = await call(t, 'POST', '/api/setup', { body: setupBody(token, 'Secretariat@Example.org') });
    expect(res.status).toBe(201);
    const me = MeSchema.parse(res.body);
    expect(me.person).toMatchObject({
      name: 'Secretariat',
      email: 'secretariat@example.org',
      isOrganizer: true,
    });
    const again = await call(t, 'GET', '/api/auth/me', { cookie: res.sessionCookie });
    expect(MeSchema.parse(again.body).person.id).toBe(me.person.id);

    const replay = await call(t, 'POST', '/api/setup', { body: setupBody(token, 'other@example.org') });
    expect(replay.status).toBe(403);
    expect(replay.body).toMatchObject({ error: { code: 'setup_done' } });
    expect(await organizerCount(t)).toBe(1);
    const login = await call(t, 'POST', '/api/auth/login', {
      body: { email: 'secretariat@example.org', password: 'a long enough password' },
    });
    expect(login.status).toBe(200);
  });

  it('an unknown or expired setup token is refused with 403 invalid_setup_token', async () => {
    const unknown = await call(t, 'POST', '/api/setup', { body: setupBody('not-a-real-setup-token') });
    const expiredToken = await issueSetupToken(t.store.db, Date.now() - SETUP_TOKEN_TTL_MS - 1000);
    const expired = await call(t, 'POST', '/api/setup', { body: setupBody(expiredToken) });
    for (const res of [unknown, expired]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'invalid_setup_token' } });
      expect(res.sessionCookie).toBeNull();
    }
    expect(await organizerCount(t)).toBe(0);
  });

  it('setup is refused with 403 setup_done once an organizer exists, even with a valid token', async () => {
    const token = await issueSetupToken(t.store.db, Date.now());
    await buildOrganizer(t.store.db);
    const res = await call(t, 'POST', '/api/setup', { body: setupBody(token) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'setup_done' } });
    expect(await organizerCount(t)).toBe(1);
  });

  it('two people racing with two valid setup tokens make exactly one first organizer', async () => {
    const [a, b] = await Promise.all([
      issueSetupToken(t.store.db, Date.now()),
      issueSetupToken(t.store.db, Date.now()),
    ]);
    const results = await Promise.all([
      call(t, 'POST', '/api/setup', { body: setupBody(a, 'a@example.org') }),
      call(t, 'POST', '/api/setup', { body: setupBody(b, 'b@example.org') }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
    expect(await organizerCount(t)).toBe(1);
  });

  it('a malformed setup request is refused with 400', async () => {
    const res = await call(t, 'POST', '/api/setup', {
      body: { token: 'x'.repeat(20), name: '', email: 'no' },
    });
    expect(res.status).toBe(400);
  });
});
