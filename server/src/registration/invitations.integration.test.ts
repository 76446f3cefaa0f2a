import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Invitation, IssuedInvitation, Person } from '@roundtable/shared';
import { json, startWithPeople, type ApiCall } from '../events/testing.js';
import type { TestApp } from '../test/app.js';
import { buildPerson } from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { findInvitationByToken, invitationState } from './invitations.js';

describe.each(STORE_KINDS)('invitations (%s)', (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let member: string;
  let eventId: string;
  let invitee: Person;

  beforeAll(async () => {
    ({
      testApp,
      call,
      organizer,
      member,
      event: { id: eventId },
    } = await startWithPeople(kind));
    invitee = await buildPerson(testApp.store.db, { name: 'Co-chair official' });
  });
  afterAll(() => testApp.close());

  const issue = async (personId: string, validForDays = 14): Promise<IssuedInvitation> => {
    const response = await call('POST', `/api/people/${personId}/invitations`, {
      cookie: organizer,
      body: { eventId, validForDays },
    });
    expect(response.status).toBe(201);
    return json<IssuedInvitation>(response);
  };

  it('issues a personal link whose token is stored only as its sha256 hash', async () => {
    const issued = await issue(invitee.id);
    expect(issued).toMatchObject({ eventId, personId: invitee.id, revokedAt: null, lastUsedAt: null });
    expect(issued.url).toBe(`${testApp.app.context.publicOrigin()}/invite?token=${issued.token}`);
    const row = await testApp.store.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(crypto.createHash('sha256').update(issued.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(await findInvitationByToken(testApp.store.db, issued.token)).toMatchObject({ id: issued.id });
    expect(await findInvitationByToken(testApp.store.db, `${issued.token}x`)).toBeNull();
  });

  it('makes the invited person a member of the event', async () => {
    const { db } = testApp.store;
    const person = await buildPerson(db);
    await issue(person.id);
    const membership = await db
      .selectFrom('event_members')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    expect(membership).toMatchObject({ event_id: eventId, delegation_id: null });
  });

  it('lists invitations without their tokens', async () => {
    const issued = await issue(invitee.id);
    const response = await call('GET', `/api/events/${eventId}/invitations`, { cookie: organizer });
    const list = json<Invitation[]>(response);
    const { url: _url, token: _token, ...listed } = issued;
    expect(list).toContainEqual(listed);
    expect(JSON.stringify(list)).not.toContain(issued.token);
  });

  it('signs the invitee in through the link until the link is revoked', async () => {
    const issued = await issue(invitee.id);
    const redeem = () => call('POST', '/api/invitations/redeem', { body: { token: issued.token } });
    const before = await redeem();
    expect(before.status).toBe(200);
    expect(before.headers.get('set-cookie')).toContain('rt_session=');
    const revoked = await call('POST', `/api/invitations/${issued.id}/revoke`, { cookie: organizer });
    expect(revoked.status).toBe(200);
    const { revokedAt } = json<Invitation>(revoked);
    expect(revokedAt).not.toBeNull();
    const after = await redeem();
    expect(after.status).toBe(410);
    expect(json<ApiError>(after).error.code).toBe('invitation_revoked');
    const again = json<Invitation>(
      await call('POST', `/api/invitations/${issued.id}/revoke`, { cookie: organizer }),
    );
    expect(again.revokedAt).toBe(revokedAt);
    const stored = await findInvitationByToken(testApp.store.db, issued.token);
    expect(stored && invitationState(stored, Date.now())).toBe('revoked');
  });

  it('reports an invitation past its expiry as expired', async () => {
    const issued = await issue(invitee.id, 1);
    const stored = await findInvitationByToken(testApp.store.db, issued.token);
    if (!stored) throw new Error('invitation not found');
    expect(invitationState(stored, Date.now())).toBe('valid');
    expect(invitationState(stored, Date.parse(issued.expiresAt))).toBe('expired');
  });

  it('refuses invitations to members and the signed-out', async () => {
    const body = { eventId };
    expect(
      (await call('POST', `/api/people/${invitee.id}/invitations`, { cookie: member, body })).status,
    ).toBe(403);
    expect((await call('POST', `/api/people/${invitee.id}/invitations`, { body })).status).toBe(401);
    expect((await call('GET', `/api/events/${eventId}/invitations`, { cookie: member })).status).toBe(403);
    const issued = await issue(invitee.id);
    expect((await call('POST', `/api/invitations/${issued.id}/revoke`, { cookie: member })).status).toBe(403);
    expect((await call('POST', `/api/invitations/${issued.id}/revoke`)).status).toBe(401);
  });

  it('answers 404 for unknown people, events and invitations, and 400 for a bad validity', async () => {
    expect(
      (await call('POST', '/api/people/nobody/invitations', { cookie: organizer, body: { eventId } })).status,
    ).toBe(404);
    const unknownEvent = await call('POST', `/api/people/${invitee.id}/invitations`, {
      cookie: organizer,
      body: { eventId: 'nope' },
    });
    expect(unknownEvent.status).toBe(404);
    expect((await call('GET', '/api/events/nope/invitations', { cookie: organizer })).status).toBe(404);
    expect((await call('POST', '/api/invitations/nope/revoke', { cookie: organizer })).status).toBe(404);
    const bad = await call('POST', `/api/people/${invitee.id}/invitations`, {
      cookie: organizer,
      body: { eventId, validForDays: 400 },
    });
    expect(bad.status).toBe(400);
    expect(json<ApiError>(bad).error.details).toEqual([expect.objectContaining({ path: 'validForDays' })]);
  });
});
