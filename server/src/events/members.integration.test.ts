import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Delegation, MemberView, Person } from '@roundtable/shared';
import type { AccessChange } from '../access/changes.js';
import type { TestApp } from '../test/app.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildPerson,
  buildRoom,
  buildRoomRole,
  sessionCookieFor,
} from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { json, startWithPeople, type ApiCall } from './testing.js';

describe.each(STORE_KINDS)('delegations, members and people (%s)', (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let member: string;
  let outsider: string;
  let eventId: string;
  let changes: AccessChange[];

  beforeAll(async () => {
    ({
      testApp,
      call,
      organizer,
      member,
      outsider,
      event: { id: eventId },
    } = await startWithPeople(kind));
    changes = [];
    testApp.app.context.accessChanges.onChange((change) => changes.push(change));
  });
  afterAll(() => testApp.close());

  describe('delegations', () => {
    it('names a new delegation "<side> — <Category>" and refuses the same side and category twice', async () => {
      const path = `/api/events/${eventId}/delegations`;
      const created = await call('POST', path, {
        cookie: organizer,
        body: { side: 'Japan', category: 'government' },
      });
      expect(created.status).toBe(201);
      expect(json<Delegation>(created)).toMatchObject({
        eventId,
        side: 'Japan',
        name: { en: 'Japan — Government', ja: 'Japan — 政府' },
      });
      const again = await call('POST', path, {
        cookie: organizer,
        body: { side: 'Japan', category: 'government', name: 'x' },
      });
      expect(again.status).toBe(409);
      expect(json<ApiError>(again).error.code).toBe('conflict');
      const list = json<Delegation[]>(await call('GET', path, { cookie: member }));
      expect(list.map((d) => d.name.en)).toContain('Japan — Government');
    });

    it('refuses delegations to outsiders and non-organizers, and 404s for unknown events', async () => {
      const path = `/api/events/${eventId}/delegations`;
      expect((await call('GET', path, { cookie: outsider })).status).toBe(403);
      expect((await call('GET', path)).status).toBe(401);
      const body = { side: 'United States', category: 'private' };
      expect((await call('POST', path, { cookie: member, body })).status).toBe(403);
      expect((await call('POST', '/api/events/nope/delegations', { cookie: organizer, body })).status).toBe(
        404,
      );
      const bad = await call('POST', path, {
        cookie: organizer,
        body: { side: 'United States', category: 'UN' },
      });
      expect(bad.status).toBe(400);
      expect(json<ApiError>(bad).error.details).toEqual([expect.objectContaining({ path: 'category' })]);
    });

    it("moves a default name along with a new category and re-authorizes the delegation's members", async () => {
      const { db } = testApp.store;
      const delegation = await buildDelegation(db, eventId, {
        side: 'United States',
        category: 'private',
        name: { en: 'United States — Private sector', ja: 'United States — 民間' },
      });
      const delegate = await buildPerson(db);
      await buildMember(db, eventId, delegate.id, { delegationId: delegation.id });
      changes.length = 0;
      const patched = await call('PATCH', `/api/delegations/${delegation.id}`, {
        cookie: organizer,
        body: { category: 'international' },
      });
      expect(json<Delegation>(patched)).toEqual({
        ...delegation,
        category: 'international',
        name: { en: 'United States — International organization', ja: 'United States — 国際機関' },
      });
      expect(changes).toEqual([{ personIds: [delegate.id], roomIds: [] }]);
    });

    it('keeps a chosen name and refuses a change onto an existing side and category', async () => {
      const { db } = testApp.store;
      const first = await buildDelegation(db, eventId, { side: 'Korea', category: 'worker', name: 'KCTU' });
      await buildDelegation(db, eventId, { side: 'Korea', category: 'civil_society' });
      const renamed = await call('PATCH', `/api/delegations/${first.id}`, {
        cookie: organizer,
        body: { side: 'ROK' },
      });
      expect(json<Delegation>(renamed).name).toEqual({ en: 'KCTU', ja: '' });
      const clash = await call('PATCH', `/api/delegations/${first.id}`, {
        cookie: organizer,
        body: { side: 'Korea', category: 'civil_society' },
      });
      expect(clash.status).toBe(409);
      expect((await call('PATCH', '/api/delegations/nope', { cookie: organizer, body: {} })).status).toBe(
        404,
      );
      expect((await call('PATCH', `/api/delegations/${first.id}`, { cookie: member, body: {} })).status).toBe(
        403,
      );
    });

    it('deletes a delegation, leaving its members in the event without one', async () => {
      const { db } = testApp.store;
      const delegation = await buildDelegation(db, eventId);
      const delegate = await buildPerson(db);
      await buildMember(db, eventId, delegate.id, { delegationId: delegation.id });
      changes.length = 0;
      expect((await call('DELETE', `/api/delegations/${delegation.id}`, { cookie: member })).status).toBe(
        403,
      );
      expect((await call('DELETE', `/api/delegations/${delegation.id}`, { cookie: organizer })).status).toBe(
        204,
      );
      expect(changes).toEqual([{ personIds: [delegate.id], roomIds: [] }]);
      const members = json<MemberView[]>(
        await call('GET', `/api/events/${eventId}/members`, { cookie: organizer }),
      );
      expect(members.find((m) => m.personId === delegate.id)).toMatchObject({
        delegationId: null,
        delegation: null,
      });
      expect((await call('DELETE', `/api/delegations/${delegation.id}`, { cookie: organizer })).status).toBe(
        404,
      );
    });
  });

  describe('members', () => {
    it('adds a person to the event with delegation and place, and lists them with both', async () => {
      const { db } = testApp.store;
      const delegation = await buildDelegation(db, eventId, { side: 'Japan', category: 'civil_society' });
      const person = await buildPerson(db, { name: 'Aiko Tanaka' });
      changes.length = 0;
      const put = await call('PUT', `/api/events/${eventId}/members/${person.id}`, {
        cookie: organizer,
        body: { delegationId: delegation.id, place: 'osaka' },
      });
      expect(put.status).toBe(200);
      const expected = {
        eventId,
        personId: person.id,
        delegationId: delegation.id,
        place: 'osaka',
        person,
        delegation,
      };
      expect(json<MemberView>(put)).toEqual(expected);
      expect(changes).toEqual([{ personIds: [person.id], roomIds: [] }]);
      const list = json<MemberView[]>(
        await call('GET', `/api/events/${eventId}/members`, { cookie: organizer }),
      );
      expect(list).toContainEqual(expected);
      const moved = await call('PUT', `/api/events/${eventId}/members/${person.id}`, {
        cookie: organizer,
        body: { delegationId: null, place: 'online' },
      });
      expect(json<MemberView>(moved)).toMatchObject({
        delegationId: null,
        place: 'online',
        delegation: null,
      });
    });

    it("refuses another event's delegation and a place that is not a venue", async () => {
      const { db } = testApp.store;
      const otherEvent = await buildEvent(db);
      const foreign = await buildDelegation(db, otherEvent.id);
      const person = await buildPerson(db);
      const response = await call('PUT', `/api/events/${eventId}/members/${person.id}`, {
        cookie: organizer,
        body: { delegationId: foreign.id, place: 'kyoto' },
      });
      expect(response.status).toBe(400);
      expect(json<ApiError>(response).error.details).toEqual([
        expect.objectContaining({ path: 'place' }),
        expect.objectContaining({ path: 'delegationId' }),
      ]);
      const members = json<MemberView[]>(
        await call('GET', `/api/events/${eventId}/members`, { cookie: organizer }),
      );
      expect(members.map((m) => m.personId)).not.toContain(person.id);
    });

    it('refuses membership changes to members and answers 404 for unknown people and events', async () => {
      const { db } = testApp.store;
      const person = await buildPerson(db);
      const body = { delegationId: null };
      expect(
        (await call('PUT', `/api/events/${eventId}/members/${person.id}`, { cookie: member, body })).status,
      ).toBe(403);
      expect((await call('GET', `/api/events/${eventId}/members`, { cookie: member })).status).toBe(403);
      expect((await call('GET', `/api/events/${eventId}/members`)).status).toBe(401);
      expect(
        (await call('PUT', `/api/events/${eventId}/members/nobody`, { cookie: organizer, body })).status,
      ).toBe(404);
      expect(
        (await call('PUT', `/api/events/nope/members/${person.id}`, { cookie: organizer, body })).status,
      ).toBe(404);
    });

    it("removes a member together with their roles in the event's rooms", async () => {
      const { db } = testApp.store;
      const room = await buildRoom(db, eventId);
      const otherRoom = await buildRoom(db, (await buildEvent(db)).id);
      const person = await buildPerson(db);
      await buildMember(db, eventId, person.id);
      await buildRoomRole(db, room.id, person.id, 'note_taker');
      await buildRoomRole(db, otherRoom.id, person.id, 'observer');
      changes.length = 0;
      const path = `/api/events/${eventId}/members/${person.id}`;
      expect((await call('DELETE', path, { cookie: member })).status).toBe(403);
      expect((await call('DELETE', path, { cookie: organizer })).status).toBe(204);
      expect(changes).toEqual([{ personIds: [person.id], roomIds: [] }]);
      const roles = await db
        .selectFrom('room_roles')
        .select('room_id')
        .where('person_id', '=', person.id)
        .execute();
      expect(roles).toEqual([{ room_id: otherRoom.id }]);
      const cookie = await sessionCookieFor(db, person.id);
      expect((await call('GET', `/api/rooms/${room.id}`, { cookie })).status).toBe(403);
      expect((await call('DELETE', path, { cookie: organizer })).status).toBe(404);
    });
  });

  describe('people', () => {
    it('lets an organizer add a person directly and refuses the same email in other letter case', async () => {
      const body = { name: 'Jane Doe', email: 'Jane.Doe@State.example', organization: 'Department of Labor' };
      const created = await call('POST', '/api/people', { cookie: organizer, body });
      expect(created.status).toBe(201);
      const person = json<Person>(created);
      expect(person).toMatchObject({
        name: 'Jane Doe',
        email: 'jane.doe@state.example',
        isOrganizer: false,
        phone: null,
      });
      const list = json<Person[]>(await call('GET', '/api/people', { cookie: organizer }));
      expect(list).toContainEqual(person);
      const again = await call('POST', '/api/people', {
        cookie: organizer,
        body: { ...body, email: 'JANE.DOE@state.example' },
      });
      expect(again.status).toBe(409);
    });

    it('refuses the people directory to members and the signed-out, and a malformed email', async () => {
      expect((await call('GET', '/api/people', { cookie: member })).status).toBe(403);
      expect((await call('POST', '/api/people', { body: { name: 'x' } })).status).toBe(401);
      const bad = await call('POST', '/api/people', {
        cookie: organizer,
        body: { name: 'x', email: 'not-an-email' },
      });
      expect(bad.status).toBe(400);
      expect(json<ApiError>(bad).error.details).toEqual([expect.objectContaining({ path: 'email' })]);
    });
  });
});
