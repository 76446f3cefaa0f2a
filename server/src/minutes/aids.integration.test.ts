import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MinutesContext, RoomAttendance } from '@roundtable/shared';
import { createAttendance } from '../presence/attendance.js';
import { connectAs, disconnectAll } from '../presence/testing.js';
import { buildMeeting, call, type Meeting } from '../speaking/test-helpers.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildPerson } from '../test/factories.js';
import { api, cookies, writeAgenda } from './test-support.js';

describe('writing aids for note-takers', () => {
  let app: TestApp;
  let meeting: Meeting;
  let cookieOf: (personId: string) => Promise<string>;
  beforeEach(async () => {
    app = await startTestApp();
    meeting = await buildMeeting(app.store.db, { participants: 2 });
    cookieOf = cookies(app);
  });
  afterEach(async () => {
    disconnectAll();
    await app.close();
  });

  const context = async (personId: string) =>
    api<MinutesContext>(app, await cookieOf(personId), 'GET', `/rooms/${meeting.room.id}/minutes/context`);

  it('tells who holds the floor, with their delegation, and which agenda item runs', async () => {
    expect((await context(meeting.noteTaker.id)).body).toEqual({
      roomId: meeting.room.id,
      floor: null,
      agendaItem: null,
    });
    const roomId = meeting.room.id;
    await writeAgenda(app, roomId, [
      { id: 'item-1', title: 'Opening remarks', presenters: ['Chair Japan'] },
      { id: 'item-2', title: 'Supply chains', presenters: ['METI', 'USTR'] },
    ]);
    const chair = await connectAs(app, meeting.chairs[0]!.id);
    const delegate = await connectAs(app, meeting.participants[0]!.id);
    expect(await call(chair, 'agenda:set-current', { roomId, itemId: 'item-2' })).toMatchObject({ ok: true });
    expect(await call(delegate, 'speaking:raise-hand', { roomId })).toMatchObject({ ok: true });
    expect(await call(chair, 'speaking:give-floor', { roomId })).toMatchObject({ ok: true });

    expect((await context(meeting.noteTaker.id)).body).toEqual({
      roomId,
      floor: {
        personId: meeting.participants[0]!.id,
        name: 'Delegate 0',
        delegation: 'Japan delegation',
        side: 'Japan',
      },
      agendaItem: { id: 'item-2', title: 'Supply chains', presenters: ['METI', 'USTR'] },
    });
  });

  it('is for writers of the minutes', async () => {
    expect((await context(meeting.participants[1]!.id)).status).toBe(403);
    expect((await context(meeting.chairs[1]!.id)).status).toBe(200);
  });
});

describe('attendance of a room', () => {
  let app: TestApp;
  let meeting: Meeting;
  let cookieOf: (personId: string) => Promise<string>;
  beforeEach(async () => {
    app = await startTestApp();
    meeting = await buildMeeting(app.store.db, { participants: 2 });
    cookieOf = cookies(app);
  });
  afterEach(() => app.close());

  const T0 = Date.parse('2026-03-01T01:00:00Z');
  const attended = async (personId: string, minutes: number) => {
    const attendance = createAttendance(app.store.db);
    await attendance.opened(meeting.room.id, personId, T0);
    await attendance.closed(meeting.room.id, personId, T0 + minutes * 60_000);
  };
  const path = (personId?: string) => `/rooms/${meeting.room.id}/attendance${personId ? `/${personId}` : ''}`;
  const organizer = () => cookieOf(meeting.organizer.id);
  const listed = (view: RoomAttendance) =>
    view.entries
      .filter((e) => e.included)
      .map((e) => e.name)
      .sort();

  it('is derived from presence, leaves out organizers outside every delegation, and organizers correct it', async () => {
    const [delegate0, delegate1] = meeting.participants as [
      Meeting['participants'][0],
      Meeting['participants'][0],
    ];
    await attended(delegate0.id, 50);
    await attended(meeting.chairs[0]!.id, 90);
    await attended(meeting.organizer.id, 90);
    const derived = await api<RoomAttendance>(app, await organizer(), 'GET', path());
    expect(derived.status).toBe(200);
    expect(listed(derived.body)).toEqual(['Chair Japan', 'Delegate 0']);
    expect(derived.body.entries.find((e) => e.personId === delegate0.id)).toMatchObject({
      seconds: 3000,
      derived: true,
      override: null,
      side: 'Japan',
      category: 'government',
    });
    expect(derived.body.entries.find((e) => e.personId === meeting.organizer.id)?.included).toBe(false);

    // Remove someone who only looked in, add someone who followed by phone.
    await api(app, await organizer(), 'PUT', path(delegate0.id), { included: false });
    const corrected = await api<RoomAttendance>(app, await organizer(), 'PUT', path(delegate1.id), {
      included: true,
    });
    expect(listed(corrected.body)).toEqual(['Chair Japan', 'Delegate 1']);
    const cleared = await api<RoomAttendance>(app, await organizer(), 'DELETE', path(delegate0.id));
    expect(listed(cleared.body)).toEqual(['Chair Japan', 'Delegate 0', 'Delegate 1']);

    const stranger = await buildPerson(app.store.db, { name: 'Not a member' });
    expect((await api(app, await organizer(), 'PUT', path(stranger.id), { included: true })).status).toBe(
      400,
    );
    expect((await api(app, await organizer(), 'PUT', path('nobody'), { included: true })).status).toBe(404);
    expect((await api(app, await cookieOf(meeting.chairs[0]!.id), 'GET', path())).status).toBe(403);
  });

  it('is frozen once the minutes are published', async () => {
    await attended(meeting.participants[0]!.id, 30);
    for (const [personId, command] of [
      [meeting.noteTaker.id, 'submit'],
      [meeting.chairs[0]!.id, 'approve'],
      [meeting.chairs[1]!.id, 'approve'],
      [meeting.organizer.id, 'publish'],
    ] as const) {
      const done = await api(
        app,
        await cookieOf(personId),
        'POST',
        `/rooms/${meeting.room.id}/minutes/${command}`,
      );
      expect(done.status).toBe(200);
    }
    await attended(meeting.participants[1]!.id, 30);
    const frozen = await api<RoomAttendance>(app, await organizer(), 'GET', path());
    expect(frozen.body.locked).toBe(true);
    expect(listed(frozen.body)).toEqual(['Delegate 0']);
    const refused = await api<{ error: { code: string } }>(
      app,
      await organizer(),
      'PUT',
      path(meeting.participants[1]!.id),
      {
        included: true,
      },
    );
    expect([refused.status, refused.body.error.code]).toEqual([409, 'minutes_locked']);
  });
});
