import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeSchema } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildEvent, buildInvitation, buildMember, buildPerson } from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { call } from './test-http.js';

describe.each(STORE_KINDS)('invitation links on %s', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ store });
  });
  afterAll(async () => {
    await t.close();
  });

  async function invitedDelegate(overrides: Parameters<typeof buildInvitation>[3] = {}) {
    const event = await buildEvent(t.store.db);
    const person = await buildPerson(t.store.db);
    await buildMember(t.store.db, event.id, person.id);
    const { invitation, token } = await buildInvitation(t.store.db, event.id, person.id, overrides);
    return { event, person, invitation, token };
  }

  it('an invitation link signs the invited person in and answers their Me', async () => {
    const { event, person, token } = await invitedDelegate();
    const res = await call(t, 'POST', '/api/invitations/redeem', { body: { token } });
    expect(res.status).toBe(200);
    const me = MeSchema.parse(res.body);
    expect(me.person).toEqual(person);
    expect(me.memberships.map((m) => m.eventId)).toEqual([event.id]);
    const again = await call(t, 'GET', '/api/auth/me', { cookie: res.sessionCookie });
    expect(MeSchema.parse(again.body).person.id).toBe(person.id);
  });

  it('a link works again on a second device and records when it was last used', async () => {
    const { invitation, token } = await invitedDelegate();
    const first = await call(t, 'POST', '/api/invitations/redeem', { body: { token } });
    const second = await call(t, 'POST', '/api/invitations/redeem', { body: { token } });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.sessionCookie).not.toBe(first.sessionCookie);
    const row = await t.store.db
      .selectFrom('invitations')
      .select('last_used_at')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    expect(Date.now() - Date.parse(row.last_used_at ?? '')).toBeLessThan(60_000);
  });

  it('an unknown token is refused with 404 and signs nobody in', async () => {
    const res = await call(t, 'POST', '/api/invitations/redeem', { body: { token: 'x'.repeat(43) } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    expect(res.sessionCookie).toBeNull();
  });

  it('an expired link is refused with 410 invitation_expired', async () => {
    const { token } = await invitedDelegate({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    const res = await call(t, 'POST', '/api/invitations/redeem', { body: { token } });
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ error: { code: 'invitation_expired' } });
    expect(res.sessionCookie).toBeNull();
  });

  it('a revoked link is refused with 410 invitation_revoked even before it expires', async () => {
    const { token } = await invitedDelegate({ revokedAt: new Date().toISOString() });
    const res = await call(t, 'POST', '/api/invitations/redeem', { body: { token } });
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ error: { code: 'invitation_revoked' } });
  });

  it('a malformed token is refused with 400', async () => {
    const res = await call(t, 'POST', '/api/invitations/redeem', { body: { token: 'short' } });
    expect(res.status).toBe(400);
  });
});
