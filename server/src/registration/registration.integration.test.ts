import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiError,
  ApproveRegistrationResult,
  Event,
  Registration,
  RegistrationReceipt,
} from '@roundtable/shared';
import { json, startWithPeople, type ApiCall } from '../events/testing.js';
import type { TestApp } from '../test/app.js';
import { buildDelegation, buildEvent, buildPerson, buildRoom } from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { findInvitationByToken, invitationState } from './invitations.js';

const form = {
  name: 'Hiroshi Sato',
  organization: 'Sato Manufacturing',
  email: 'h.sato@example.jp',
  phone: '+81 3 1234 5678',
  place: 'tokyo',
};

describe.each(STORE_KINDS)('registration (%s)', (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let member: string;
  let event: Event;
  let registrationCount = 0;

  /** Registers a fresh email on `eventId` and returns the stored registration. */
  async function register(eventId: string, overrides: Partial<typeof form> = {}): Promise<Registration> {
    registrationCount += 1;
    const email = overrides.email ?? `person${registrationCount}@example.org`;
    const response = await call('POST', `/api/events/${eventId}/registrations`, {
      body: { ...form, ...overrides, email },
    });
    expect(response.status).toBe(201);
    const list = json<Registration[]>(
      await call('GET', `/api/events/${eventId}/registrations`, { cookie: organizer }),
    );
    const stored = list.find((r) => r.email === email.toLowerCase());
    if (!stored) throw new Error('registration was not stored');
    return stored;
  }

  beforeAll(async () => {
    // A generous limit here; the limit itself is tested on apps of its own below.
    ({ testApp, call, organizer, member, event } = await startWithPeople(kind, {
      event: { registrationOpen: true },
      config: { REGISTRATION_RATE_LIMIT: '1000' },
    }));
  });
  afterAll(() => testApp.close());

  describe('the public form', () => {
    it('stores a registration as pending and answers with a receipt that reveals nothing else', async () => {
      const response = await call('POST', `/api/events/${event.id}/registrations`, { body: form });
      expect(response.status).toBe(201);
      expect(json<RegistrationReceipt>(response)).toEqual({
        eventId: event.id,
        status: 'pending',
        statusUrl: expect.stringMatching(/\/registration-status\?token=[\w-]{20,}$/) as unknown,
      });
      const list = json<Registration[]>(
        await call('GET', `/api/events/${event.id}/registrations`, { cookie: organizer }),
      );
      expect(list).toEqual([
        expect.objectContaining({
          ...form,
          eventId: event.id,
          status: 'pending',
          personId: null,
          decidedAt: null,
        }),
      ]);
    });

    it('refuses the same email on the same event in any letter case with duplicate_registration', async () => {
      const response = await call('POST', `/api/events/${event.id}/registrations`, {
        body: { ...form, email: 'H.Sato@EXAMPLE.jp' },
      });
      expect(response.status).toBe(409);
      expect(json<ApiError>(response).error.code).toBe('duplicate_registration');
    });

    it('drops a submission whose honeypot is filled while answering like a success', async () => {
      const response = await call('POST', `/api/events/${event.id}/registrations`, {
        body: { ...form, email: 'bot@spam.example', website: 'http://spam.example' },
      });
      expect(response.status).toBe(201);
      expect(json<RegistrationReceipt>(response)).toEqual({
        eventId: event.id,
        status: 'pending',
        statusUrl: expect.stringMatching(/\/registration-status\?token=[\w-]{20,}$/) as unknown,
      });
      const list = json<Registration[]>(
        await call('GET', `/api/events/${event.id}/registrations`, { cookie: organizer }),
      );
      expect(list.map((r) => r.email)).not.toContain('bot@spam.example');
    });

    it('takes a venue of the event or online as place, and refuses any other with field details', async () => {
      await register(event.id, { place: 'online' });
      const response = await call('POST', `/api/events/${event.id}/registrations`, {
        body: { ...form, email: 'kyoto@example.org', place: 'kyoto' },
      });
      expect(response.status).toBe(400);
      expect(json<ApiError>(response).error).toMatchObject({
        code: 'validation_failed',
        details: [expect.objectContaining({ path: 'place' })],
      });
    });

    it('lists every missing field of an incomplete form', async () => {
      const response = await call('POST', `/api/events/${event.id}/registrations`, {
        body: { name: 'Only a name' },
      });
      expect(response.status).toBe(400);
      const paths = (json<ApiError>(response).error.details as { path: string }[]).map((d) => d.path).sort();
      expect(paths).toEqual(['email', 'organization', 'phone', 'place']);
    });

    it('refuses registration for a closed event (403 registration_closed) and an unknown one (404)', async () => {
      const closed = await buildEvent(testApp.store.db, { registrationOpen: false });
      const response = await call('POST', `/api/events/${closed.id}/registrations`, { body: form });
      expect(response.status).toBe(403);
      expect(json<ApiError>(response).error.code).toBe('registration_closed');
      expect((await call('POST', '/api/events/nope/registrations', { body: form })).status).toBe(404);
    });
  });

  describe('review by organizers', () => {
    it('filters the list by status and refuses it to members and the signed-out', async () => {
      const declined = await register(event.id);
      await call('POST', `/api/registrations/${declined.id}/decline`, { cookie: organizer });
      const path = `/api/events/${event.id}/registrations`;
      const onlyDeclined = json<Registration[]>(
        await call('GET', `${path}?status=declined`, { cookie: organizer }),
      );
      expect(onlyDeclined.map((r) => r.id)).toEqual([declined.id]);
      const pending = json<Registration[]>(
        await call('GET', `${path}?status=pending`, { cookie: organizer }),
      );
      expect(pending.every((r) => r.status === 'pending')).toBe(true);
      expect((await call('GET', `${path}?status=maybe`, { cookie: organizer })).status).toBe(400);
      expect((await call('GET', path, { cookie: member })).status).toBe(403);
      expect((await call('GET', path)).status).toBe(401);
      expect((await call('GET', '/api/events/nope/registrations', { cookie: organizer })).status).toBe(404);
    });

    it('approves a registration into a person, membership, room role and a working invitation', async () => {
      const { db } = testApp.store;
      const delegation = await buildDelegation(db, event.id, { side: 'Japan', category: 'private' });
      const room = await buildRoom(db, event.id);
      const registration = await register(event.id, { place: 'osaka' });
      const changes: string[][] = [];
      const stop = testApp.app.context.accessChanges.onChange((c) => changes.push(c.personIds));
      const response = await call('POST', `/api/registrations/${registration.id}/approve`, {
        cookie: organizer,
        body: {
          delegationId: delegation.id,
          roles: [{ roomId: room.id, role: 'note_taker' }],
          validForDays: 7,
        },
      });
      stop();
      expect(response.status).toBe(200);
      const { registration: approved, invitation } = json<ApproveRegistrationResult>(response);
      expect(approved).toMatchObject({ id: registration.id, status: 'approved' });
      expect(typeof approved.personId).toBe('string');
      const personId = approved.personId ?? '';
      expect(changes).toEqual([[personId]]);
      expect(invitation).toMatchObject({ eventId: event.id, personId, revokedAt: null });
      expect(invitation.url).toBe(`${testApp.app.context.publicOrigin()}/invite?token=${invitation.token}`);
      expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(7 * 86_400_000);
      const stored = await findInvitationByToken(db, invitation.token);
      expect(stored && invitationState(stored, Date.now())).toBe('valid');
      const membership = await db
        .selectFrom('event_members')
        .selectAll()
        .where('person_id', '=', personId)
        .execute();
      expect(membership).toEqual([
        { event_id: event.id, person_id: personId, delegation_id: delegation.id, place: 'osaka' },
      ]);
      const roles = await db.selectFrom('room_roles').selectAll().where('person_id', '=', personId).execute();
      expect(roles).toEqual([{ room_id: room.id, person_id: personId, role: 'note_taker' }]);
      const person = await db
        .selectFrom('people')
        .selectAll()
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
      expect(person).toMatchObject({ name: form.name, organization: form.organization, phone: form.phone });
    });

    it('reuses the person who already has the registered email, whatever its letter case', async () => {
      const { db } = testApp.store;
      const known = await buildPerson(db, { email: 'Known.Person@example.org' });
      const registration = await register(event.id, { email: 'known.person@EXAMPLE.org' });
      const response = await call('POST', `/api/registrations/${registration.id}/approve`, {
        cookie: organizer,
      });
      expect(response.status).toBe(200);
      expect(json<ApproveRegistrationResult>(response).registration.personId).toBe(known.id);
    });

    it("writes nothing when a role names another event's room, and the registration stays pending", async () => {
      const { db } = testApp.store;
      const foreignRoom = await buildRoom(db, (await buildEvent(db)).id);
      const registration = await register(event.id, { email: 'atomic@example.org' });
      const response = await call('POST', `/api/registrations/${registration.id}/approve`, {
        cookie: organizer,
        body: { roles: [{ roomId: foreignRoom.id, role: 'participant' }] },
      });
      expect(response.status).toBe(400);
      expect(json<ApiError>(response).error.details).toEqual([
        expect.objectContaining({ path: 'roles.0.roomId' }),
      ]);
      // The person and membership were written before the role failed: the transaction took them back.
      const people = await db
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'atomic@example.org')
        .execute();
      expect(people).toEqual([]);
      const invitations = await db
        .selectFrom('invitations')
        .select('id')
        .where('event_id', '=', event.id)
        .execute();
      const after = await db
        .selectFrom('registrations')
        .selectAll()
        .where('id', '=', registration.id)
        .executeTakeFirst();
      expect(after).toMatchObject({ status: 'pending', person_id: null, decided_at: null });
      const retry = await call('POST', `/api/registrations/${registration.id}/approve`, {
        cookie: organizer,
      });
      expect(retry.status).toBe(200);
      const invitationsAfter = await db
        .selectFrom('invitations')
        .select('id')
        .where('event_id', '=', event.id)
        .execute();
      expect(invitationsAfter).toHaveLength(invitations.length + 1);
    });

    it('writes nothing when the delegation belongs to another event', async () => {
      const { db } = testApp.store;
      const foreign = await buildDelegation(db, (await buildEvent(db)).id);
      const registration = await register(event.id, { email: 'wrong.delegation@example.org' });
      const response = await call('POST', `/api/registrations/${registration.id}/approve`, {
        cookie: organizer,
        body: { delegationId: foreign.id },
      });
      expect(response.status).toBe(400);
      const people = await db
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'wrong.delegation@example.org')
        .execute();
      expect(people).toEqual([]);
    });

    it('approves or declines a registration only once', async () => {
      const registration = await register(event.id);
      const approve = `/api/registrations/${registration.id}/approve`;
      expect((await call('POST', approve, { cookie: organizer })).status).toBe(200);
      expect((await call('POST', approve, { cookie: organizer })).status).toBe(409);
      expect(
        (await call('POST', `/api/registrations/${registration.id}/decline`, { cookie: organizer })).status,
      ).toBe(409);
    });

    it('declines a registration, and refuses decisions to members, the signed-out and unknown ids', async () => {
      const registration = await register(event.id);
      const decline = `/api/registrations/${registration.id}/decline`;
      expect((await call('POST', decline, { cookie: member })).status).toBe(403);
      expect((await call('POST', decline)).status).toBe(401);
      expect(
        (await call('POST', `/api/registrations/${registration.id}/approve`, { cookie: member })).status,
      ).toBe(403);
      const declined = await call('POST', decline, { cookie: organizer });
      expect(declined.status).toBe(200);
      expect(json<Registration>(declined).status).toBe('declined');
      expect(json<Registration>(declined).decidedAt).not.toBeNull();
      expect((await call('POST', '/api/registrations/nope/decline', { cookie: organizer })).status).toBe(404);
      expect((await call('POST', '/api/registrations/nope/approve', { cookie: organizer })).status).toBe(404);
      const bad = await call('POST', `/api/registrations/${registration.id}/approve`, {
        cookie: organizer,
        body: { validForDays: 0 },
      });
      expect(bad.status).toBe(400);
    });
  });
});
