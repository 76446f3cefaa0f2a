import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Limits, type ApiError, type Event, type EventDetail, type Series } from '@roundtable/shared';
import type { TestApp } from '../test/app.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildPerson,
  buildRoom,
  sessionCookieFor,
} from '../test/factories.js';
import { STORE_KINDS } from '../test/stores.js';
import { json, startWithPeople, type ApiCall } from './testing.js';

const newEvent = {
  seriesId: null,
  title: { en: 'Foreign Workers Round Table — November', ja: '外国人労働者ラウンドテーブル（11月）' },
  theme: { en: 'Technical intern training', ja: '' },
  description: { en: '', ja: '第2回。' },
  timeZone: 'Asia/Tokyo',
  sessions: [
    {
      id: 's1',
      label: { en: 'Round table', ja: 'ラウンドテーブル' },
      startsAt: '2018-11-06T05:00:00Z',
      endsAt: '2018-11-06T08:00:00Z',
    },
  ],
  venues: [
    { id: 'tokyo', name: { en: 'Tokyo', ja: '東京' }, kind: 'in_person' },
    { id: 'osaka', name: { en: '', ja: '大阪' }, kind: 'in_person' },
  ],
  registrationOpen: false,
  reportVisibility: 'public',
};

describe.each(STORE_KINDS)('series and events (%s)', (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let member: string;
  let outsider: string;
  let closedEvent: Event;
  let openEvent: Event;

  beforeAll(async () => {
    ({
      testApp,
      call,
      organizer,
      member,
      outsider,
      event: closedEvent,
    } = await startWithPeople(kind, {
      event: { title: { en: 'Government dialogue', ja: '' } },
    }));
    openEvent = await buildEvent(testApp.store.db, { title: 'Open round table', registrationOpen: true });
  });
  afterAll(() => testApp.close());

  describe('series', () => {
    it('lets an organizer create, list and rename a series', async () => {
      const created = await call('POST', '/api/series', {
        cookie: organizer,
        body: { title: 'Foreign Workers Round Table', description: 'Monthly.' },
      });
      expect(created.status).toBe(201);
      const series = json<Series>(created);
      const renamed = await call('PATCH', `/api/series/${series.id}`, {
        cookie: organizer,
        body: { title: 'FWRT' },
      });
      expect(renamed.status).toBe(200);
      expect(json<Series>(renamed)).toEqual({ ...series, title: { en: 'FWRT', ja: '' } });
      const list = json<Series[]>(await call('GET', '/api/series', { cookie: organizer }));
      expect(list).toContainEqual({ ...series, title: { en: 'FWRT', ja: '' } });
    });

    it('refuses series management to members (403) and the signed-out (401)', async () => {
      expect((await call('GET', '/api/series', { cookie: member })).status).toBe(403);
      expect((await call('POST', '/api/series', { body: { title: 'x', description: '' } })).status).toBe(401);
    });

    it('answers 404 for an unknown series and 400 with field details for an empty title', async () => {
      const missing = await call('PATCH', '/api/series/nope', { cookie: organizer, body: { title: 'x' } });
      expect(missing.status).toBe(404);
      const bad = await call('POST', '/api/series', {
        cookie: organizer,
        body: { title: '  ', description: '' },
      });
      expect(bad.status).toBe(400);
      expect(json<ApiError>(bad).error).toMatchObject({
        code: 'validation_failed',
        details: [expect.objectContaining({ path: 'title' })],
      });
    });
  });

  describe('events', () => {
    it('creates an event that organizers then see in the list and by id', async () => {
      const created = await call('POST', '/api/events', { cookie: organizer, body: newEvent });
      expect(created.status).toBe(201);
      const event = json<Event>(created);
      expect(event).toMatchObject(newEvent);
      const list = json<Event[]>(await call('GET', '/api/events', { cookie: organizer }));
      expect(list.map((e) => e.id)).toContain(event.id);
      const detail = await call('GET', `/api/events/${event.id}`, { cookie: organizer });
      expect(json<EventDetail>(detail)).toMatchObject({ ...newEvent, rooms: [], series: null });
    });

    it('takes plain strings from older clients under the language of their script', async () => {
      const created = await call('POST', '/api/events', {
        cookie: organizer,
        body: {
          ...newEvent,
          title: '第3回ラウンドテーブル',
          theme: 'Grievance mechanisms',
          sessions: [{ ...newEvent.sessions[0], label: '第1部' }],
          venues: [{ id: 'online', name: 'Online', kind: 'online' }],
        },
      });
      expect(created.status).toBe(201);
      expect(json<Event>(created)).toMatchObject({
        title: { en: '', ja: '第3回ラウンドテーブル' },
        theme: { en: 'Grievance mechanisms', ja: '' },
        sessions: [{ label: { en: '', ja: '第1部' } }],
        venues: [{ name: { en: 'Online', ja: '' } }],
      });
    });

    it('refuses a title written in neither language, naming the field', async () => {
      for (const title of [{ en: ' ', ja: '' }, {}, '']) {
        const response = await call('POST', '/api/events', {
          cookie: organizer,
          body: { ...newEvent, title },
        });
        expect(response.status).toBe(400);
        expect(json<ApiError>(response).error.details).toEqual([expect.objectContaining({ path: 'title' })]);
      }
    });

    it('refuses an event with an unknown time zone, a backwards session or an unknown series', async () => {
      const response = await call('POST', '/api/events', {
        cookie: organizer,
        body: { ...newEvent, timeZone: 'Mars/Olympus' },
      });
      expect(response.status).toBe(400);
      expect(json<ApiError>(response).error.details).toEqual([expect.objectContaining({ path: 'timeZone' })]);
      const inconsistent = await call('POST', '/api/events', {
        cookie: organizer,
        body: {
          ...newEvent,
          seriesId: 'no-such-series',
          sessions: [
            { id: 's1', label: '', startsAt: '2018-11-06T08:00:00Z', endsAt: '2018-11-06T05:00:00Z' },
          ],
        },
      });
      expect(inconsistent.status).toBe(400);
      expect(json<ApiError>(inconsistent).error.details).toEqual([
        expect.objectContaining({ path: 'sessions.0.endsAt' }),
        expect.objectContaining({ path: 'seriesId' }),
      ]);
    });

    it('refuses a body larger than the JSON limit with 413', async () => {
      const response = await call('POST', '/api/events', {
        cookie: organizer,
        body: { ...newEvent, description: 'x'.repeat(Limits.maxJsonBodyBytes + 1) },
      });
      expect(response.status).toBe(413);
      expect(json<ApiError>(response).error.code).toBe('payload_too_large');
    });

    it('lists their own events to members, then the open ones; only open-registration events to the public', async () => {
      const mine = json<Record<string, unknown>[]>(await call('GET', '/api/events', { cookie: member }));
      // Their own event in full; the event open for registration, which they may join, in public fields.
      expect(mine.map((e) => e['id'])).toEqual([closedEvent.id, openEvent.id]);
      expect(mine[0]).toHaveProperty('reportVisibility');
      expect(mine[1]).not.toHaveProperty('reportVisibility');
      const others = json<Record<string, unknown>[]>(await call('GET', '/api/events', { cookie: outsider }));
      expect(others.map((e) => e['id'])).toEqual([openEvent.id]);
      const open = json<Record<string, unknown>[]>(await call('GET', '/api/events'));
      expect(open.map((e) => e['id'])).toEqual([openEvent.id]);
      expect(open[0]).not.toHaveProperty('reportVisibility');
      expect(open[0]).not.toHaveProperty('seriesId');
    });

    it('shows a member which rooms of their event they may enter', async () => {
      const { db } = testApp.store;
      const event = await buildEvent(db);
      const privateSector = await buildDelegation(db, event.id, { side: 'Japan', category: 'private' });
      const government = await buildRoom(db, event.id, {
        name: 'Government-to-government dialogue',
        access: { mode: 'restricted', categories: ['government'], personIds: [] },
      });
      const stakeholders = await buildRoom(db, event.id, { name: 'Stakeholder dialogue', position: 1 });
      const delegate = await buildPerson(db);
      await buildMember(db, event.id, delegate.id, { delegationId: privateSector.id });
      const detail = json<EventDetail>(
        await call('GET', `/api/events/${event.id}`, { cookie: await sessionCookieFor(db, delegate.id) }),
      );
      expect(detail.rooms.map((r) => [r.id, r.canEnter, r.myRole])).toEqual([
        [government.id, false, null],
        [stakeholders.id, true, 'participant'],
      ]);
    });

    it('refuses an event to the signed-out (401) and to non-members (403), and answers 404 when missing', async () => {
      expect((await call('GET', `/api/events/${closedEvent.id}`)).status).toBe(401);
      expect((await call('GET', `/api/events/${closedEvent.id}`, { cookie: outsider })).status).toBe(403);
      expect((await call('GET', '/api/events/nope', { cookie: organizer })).status).toBe(404);
    });

    it('lets an organizer open registration, and refuses it to members', async () => {
      const event = await buildEvent(testApp.store.db);
      const patched = await call('PATCH', `/api/events/${event.id}`, {
        cookie: organizer,
        body: { registrationOpen: true },
      });
      expect(patched.status).toBe(200);
      expect(json<Event>(patched)).toEqual({ ...event, registrationOpen: true });
      expect(json<Event>(await call('GET', `/api/events/${event.id}/public`)).registrationOpen).toBe(true);
      const refused = await call('PATCH', `/api/events/${closedEvent.id}`, {
        cookie: member,
        body: { title: 'x' },
      });
      expect(refused.status).toBe(403);
      expect((await call('PATCH', '/api/events/nope', { cookie: organizer, body: {} })).status).toBe(404);
    });

    it('deletes an event with its rooms and tells live connections of those rooms', async () => {
      const { db } = testApp.store;
      const event = await buildEvent(db);
      const room = await buildRoom(db, event.id);
      const changes: string[][] = [];
      const stop = testApp.app.context.accessChanges.onChange((c) => changes.push(c.roomIds));
      expect((await call('DELETE', `/api/events/${event.id}`, { cookie: member })).status).toBe(403);
      expect((await call('DELETE', `/api/events/${event.id}`, { cookie: organizer })).status).toBe(204);
      stop();
      expect(changes).toEqual([[room.id]]);
      expect((await call('GET', `/api/events/${event.id}`, { cookie: organizer })).status).toBe(404);
      expect((await call('GET', `/api/rooms/${room.id}`, { cookie: organizer })).status).toBe(404);
      expect((await call('DELETE', `/api/events/${event.id}`, { cookie: organizer })).status).toBe(404);
    });
  });

  describe('public information and calendar', () => {
    it('gives anyone the public fields of an event and 404 for an unknown one', async () => {
      const response = await call('GET', `/api/events/${closedEvent.id}/public`);
      expect(response.status).toBe(200);
      expect(Object.keys(json<object>(response)).sort()).toEqual(
        ['description', 'id', 'registrationOpen', 'sessions', 'theme', 'timeZone', 'title', 'venues'].sort(),
      );
      expect((await call('GET', '/api/events/nope/public')).status).toBe(404);
    });

    it('serves the calendar of an open event to anyone, one VEVENT per session', async () => {
      const response = await call('GET', `/api/events/${openEvent.id}/calendar.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(String(response.body)) as unknown[]);
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
        openEvent.sessions.map((s) => s.startsAt),
      );
    });

    it('serves the calendar of a closed event to members only', async () => {
      const path = `/api/events/${closedEvent.id}/calendar.ics`;
      expect((await call('GET', path)).status).toBe(401);
      expect((await call('GET', path, { cookie: outsider })).status).toBe(403);
      expect((await call('GET', path, { cookie: member })).status).toBe(200);
      expect((await call('GET', '/api/events/nope/calendar.ics', { cookie: organizer })).status).toBe(404);
    });
  });
});
