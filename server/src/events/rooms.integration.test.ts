import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, EventDetail, Room, RoomRoleAssignment, RoomView } from '@roundtable/shared';
import type { AccessChange } from '../access/changes.js';
import type { TestApp } from '../test/app.js';
import {
  buildDelegation,
  buildMember,
  buildPerson,
  buildRoom,
  buildRoomRole,
  sessionCookieFor,
} from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { json, startWithPeople, type ApiCall } from './testing.js';

describe.each(STORE_KINDS)('rooms and room roles (%s)', (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let eventId: string;
  let governmentRoom: Room;
  let governmentDelegate: string;
  let privateDelegate: string;
  let changes: AccessChange[];

  beforeAll(async () => {
    ({
      testApp,
      call,
      organizer,
      event: { id: eventId },
    } = await startWithPeople(kind));
    const { db } = testApp.store;
    governmentRoom = await buildRoom(db, eventId, {
      name: 'Government-to-government dialogue',
      access: { mode: 'restricted', categories: ['government'], personIds: [] },
    });
    const japanGovernment = await buildDelegation(db, eventId, { side: 'Japan', category: 'government' });
    const japanPrivate = await buildDelegation(db, eventId, { side: 'Japan', category: 'private' });
    const official = await buildPerson(db);
    await buildMember(db, eventId, official.id, { delegationId: japanGovernment.id });
    governmentDelegate = await sessionCookieFor(db, official.id);
    const businessPerson = await buildPerson(db);
    await buildMember(db, eventId, businessPerson.id, { delegationId: japanPrivate.id });
    privateDelegate = await sessionCookieFor(db, businessPerson.id);
    changes = [];
    testApp.app.context.accessChanges.onChange((change) => changes.push(change));
  });
  afterAll(() => testApp.close());

  it('appends new rooms after the existing ones with the defaults filled in', async () => {
    const first = await call('POST', `/api/events/${eventId}/rooms`, {
      cookie: organizer,
      body: { name: 'Stakeholder dialogue' },
    });
    expect(first.status).toBe(201);
    expect(json<Room>(first)).toMatchObject({
      eventId,
      name: { en: 'Stakeholder dialogue', ja: '' },
      description: { en: '', ja: '' },
      position: 1,
      access: { mode: 'event' },
      floorMode: 'moderated',
      mediaEnabled: true,
    });
    const second = json<Room>(
      await call('POST', `/api/events/${eventId}/rooms`, { cookie: organizer, body: { name: 'Side event' } }),
    );
    expect(second.position).toBe(2);
  });

  it('refuses room creation to members, for unknown events and with a malformed access rule', async () => {
    const body = { name: 'x' };
    expect(
      (await call('POST', `/api/events/${eventId}/rooms`, { cookie: governmentDelegate, body })).status,
    ).toBe(403);
    expect((await call('POST', `/api/events/${eventId}/rooms`, { body })).status).toBe(401);
    expect((await call('POST', '/api/events/nope/rooms', { cookie: organizer, body })).status).toBe(404);
    const bad = await call('POST', `/api/events/${eventId}/rooms`, {
      cookie: organizer,
      body: { name: 'x', access: { mode: 'restricted', categories: ['aliens'], personIds: [] } },
    });
    expect(bad.status).toBe(400);
    expect(json<ApiError>(bad).error.details).toEqual([
      expect.objectContaining({ path: 'access.categories.0' }),
    ]);
  });

  it('shows the government room to a government delegate and refuses it to a private-sector one', async () => {
    const admitted = await call('GET', `/api/rooms/${governmentRoom.id}`, { cookie: governmentDelegate });
    expect(admitted.status).toBe(200);
    expect(json<RoomView>(admitted)).toMatchObject({
      id: governmentRoom.id,
      canEnter: true,
      myRole: 'participant',
    });
    const refused = await call('GET', `/api/rooms/${governmentRoom.id}`, { cookie: privateDelegate });
    expect(refused.status).toBe(403);
    expect(json<ApiError>(refused).error.code).toBe('forbidden');
    expect((await call('GET', `/api/rooms/${governmentRoom.id}`)).status).toBe(401);
    expect((await call('GET', '/api/rooms/nope', { cookie: organizer })).status).toBe(404);
  });

  it('re-authorizes live connections when a room’s access rule changes, not when only its name does', async () => {
    const room = await buildRoom(testApp.store.db, eventId);
    changes.length = 0;
    const renamed = await call('PATCH', `/api/rooms/${room.id}`, {
      cookie: organizer,
      body: { name: 'Plenary' },
    });
    expect(json<Room>(renamed)).toEqual({ ...room, name: { en: 'Plenary', ja: '' } });
    expect(changes).toEqual([]);
    const restricted = { mode: 'restricted', categories: ['government'], personIds: [] };
    const patched = await call('PATCH', `/api/rooms/${room.id}`, {
      cookie: organizer,
      body: { access: restricted },
    });
    expect(json<Room>(patched).access).toEqual(restricted);
    expect(changes).toEqual([{ personIds: [], roomIds: [room.id] }]);
    expect((await call('GET', `/api/rooms/${room.id}`, { cookie: privateDelegate })).status).toBe(403);
  });

  it('refuses room changes to members and answers 404 for unknown rooms', async () => {
    const room = await buildRoom(testApp.store.db, eventId);
    const body = { name: 'Mine now' };
    expect((await call('PATCH', `/api/rooms/${room.id}`, { cookie: governmentDelegate, body })).status).toBe(
      403,
    );
    expect((await call('PATCH', '/api/rooms/nope', { cookie: organizer, body })).status).toBe(404);
    const bad = await call('PATCH', `/api/rooms/${room.id}`, {
      cookie: organizer,
      body: { floorMode: 'chaos' },
    });
    expect(bad.status).toBe(400);
    expect((await call('DELETE', `/api/rooms/${room.id}`, { cookie: governmentDelegate })).status).toBe(403);
  });

  it('deletes a room and re-authorizes its live connections', async () => {
    const room = await buildRoom(testApp.store.db, eventId);
    changes.length = 0;
    expect((await call('DELETE', `/api/rooms/${room.id}`, { cookie: organizer })).status).toBe(204);
    expect(changes).toEqual([{ personIds: [], roomIds: [room.id] }]);
    expect((await call('GET', `/api/rooms/${room.id}`, { cookie: organizer })).status).toBe(404);
    expect((await call('DELETE', `/api/rooms/${room.id}`, { cookie: organizer })).status).toBe(404);
  });

  it('makes a co-chair of someone outside the event: they become a member and see their role', async () => {
    const { db } = testApp.store;
    const chair = await buildPerson(db, { name: 'Co-chair official' });
    changes.length = 0;
    const set = await call('PUT', `/api/rooms/${governmentRoom.id}/roles/${chair.id}`, {
      cookie: organizer,
      body: { role: 'co_chair' },
    });
    expect(set.status).toBe(200);
    expect(json<RoomRoleAssignment>(set)).toEqual({
      roomId: governmentRoom.id,
      personId: chair.id,
      role: 'co_chair',
    });
    expect(changes).toEqual([{ personIds: [chair.id], roomIds: [] }]);
    const detail = json<EventDetail>(
      await call('GET', `/api/events/${eventId}`, { cookie: await sessionCookieFor(db, chair.id) }),
    );
    expect(detail.rooms.find((r) => r.id === governmentRoom.id)).toMatchObject({
      canEnter: true,
      myRole: 'co_chair',
    });
    const roles = json<RoomRoleAssignment[]>(
      await call('GET', `/api/rooms/${governmentRoom.id}/roles`, { cookie: organizer }),
    );
    expect(roles).toContainEqual({ roomId: governmentRoom.id, personId: chair.id, role: 'co_chair' });
  });

  it('takes a role away, after which the room’s rule alone decides', async () => {
    const { db } = testApp.store;
    const observer = await buildPerson(db);
    await buildMember(db, eventId, observer.id);
    await buildRoomRole(db, governmentRoom.id, observer.id, 'observer');
    const cookie = await sessionCookieFor(db, observer.id);
    expect((await call('GET', `/api/rooms/${governmentRoom.id}`, { cookie })).status).toBe(200);
    changes.length = 0;
    const path = `/api/rooms/${governmentRoom.id}/roles/${observer.id}`;
    expect((await call('DELETE', path, { cookie: organizer })).status).toBe(204);
    expect(changes).toEqual([{ personIds: [observer.id], roomIds: [] }]);
    expect((await call('GET', `/api/rooms/${governmentRoom.id}`, { cookie })).status).toBe(403);
    expect((await call('DELETE', path, { cookie: organizer })).status).toBe(404);
  });

  it('refuses role changes to members, for unknown people or rooms, and with an unknown role', async () => {
    const { db } = testApp.store;
    const person = await buildPerson(db);
    const path = `/api/rooms/${governmentRoom.id}/roles/${person.id}`;
    expect((await call('PUT', path, { cookie: governmentDelegate, body: { role: 'co_chair' } })).status).toBe(
      403,
    );
    expect(
      (await call('GET', `/api/rooms/${governmentRoom.id}/roles`, { cookie: governmentDelegate })).status,
    ).toBe(403);
    expect((await call('PUT', path, { body: { role: 'co_chair' } })).status).toBe(401);
    const badRole = await call('PUT', path, { cookie: organizer, body: { role: 'king' } });
    expect(badRole.status).toBe(400);
    expect(json<ApiError>(badRole).error.details).toEqual([expect.objectContaining({ path: 'role' })]);
    const unknownPerson = `/api/rooms/${governmentRoom.id}/roles/nobody`;
    expect((await call('PUT', unknownPerson, { cookie: organizer, body: { role: 'observer' } })).status).toBe(
      404,
    );
    expect(
      (
        await call('PUT', `/api/rooms/nope/roles/${person.id}`, {
          cookie: organizer,
          body: { role: 'observer' },
        })
      ).status,
    ).toBe(404);
  });
});
