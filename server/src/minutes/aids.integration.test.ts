import { describe, expect, it } from 'vitest';
import type { MinutesContext, RoomAttendance } from '@roundtable/shared';
import { createAttendance } from '../presence/attendance.js';
import { connectAs } from '../presence/testing.js';
import { call, type Meeting } from '../speaking/test-helpers.js';
import { buildPerson } from '../test/factories.js';
import { api, writeAgenda, meetingApp } from './test-support.js';

describe('writing aids for note-takers', () => {
  const ctx = meetingApp({ participants: 2 });

  const context = async (personId: string) =>
    api<MinutesContext>(
      ctx.app,
      await ctx.cookieOf(personId),
      'GET',
      `/rooms/${ctx.meeting.room.id}/minutes/context`,
    );

  it('tells who holds the floor, with their delegation, and which agenda item runs', async () => {
    expect((await context(ctx.meeting.noteTaker.id)).body).toEqual({
      roomId: ctx.meeting.room.id,
      floor: null,
      agendaItem: null,
    });
    const roomId = ctx.meeting.room.id;
    await writeAgenda(ctx.app, roomId, [
      { id: 'item-1', title: 'Opening remarks', presenters: ['Chair Japan'] },
      { id: 'item-2', title: 'Supply chains', presenters: ['METI', 'USTR'] },
    ]);
    const chair = await connectAs(ctx.app, ctx.meeting.chairs[0]!.id);
    const delegate = await connectAs(ctx.app, ctx.meeting.participants[0]!.id);
    expect(await call(chair, 'agenda:set-current', { roomId, itemId: 'item-2' })).toMatchObject({ ok: true });
    expect(await call(delegate, 'speaking:raise-hand', { roomId })).toMatchObject({ ok: true });
    expect(await call(chair, 'speaking:give-floor', { roomId })).toMatchObject({ ok: true });

    expect((await context(ctx.meeting.noteTaker.id)).body).toEqual({
      roomId,
      floor: {
        personId: ctx.meeting.participants[0]!.id,
        name: 'Delegate 0',
        delegation: 'Japan delegation',
        side: 'Japan',
      },
      agendaItem: { id: 'item-2', title: 'Supply chains', presenters: ['METI', 'USTR'] },
    });
  });

  it('is for writers of the minutes', async () => {
    expect((await context(ctx.meeting.participants[1]!.id)).status).toBe(403);
    expect((await context(ctx.meeting.chairs[1]!.id)).status).toBe(200);
  });
});

describe('attendance of a room', () => {
  const ctx = meetingApp({ participants: 2 });

  const T0 = Date.parse('2026-03-01T01:00:00Z');
  const attended = async (personId: string, minutes: number) => {
    const attendance = createAttendance(ctx.app.store.db);
    await attendance.opened(ctx.meeting.room.id, personId, T0);
    await attendance.closed(ctx.meeting.room.id, personId, T0 + minutes * 60_000);
  };
  const path = (personId?: string) =>
    `/rooms/${ctx.meeting.room.id}/attendance${personId ? `/${personId}` : ''}`;
  const organizer = () => ctx.cookieOf(ctx.meeting.organizer.id);
  const listed = (view: RoomAttendance) =>
    view.entries
      .filter((e) => e.included)
      .map((e) => e.name)
      .sort();

  it('is derived from presence, leaves out organizers outside every delegation, and organizers correct it', async () => {
    const [delegate0, delegate1] = ctx.meeting.participants as [
      Meeting['participants'][0],
      Meeting['participants'][0],
    ];
    await attended(delegate0.id, 50);
    await attended(ctx.meeting.chairs[0]!.id, 90);
    await attended(ctx.meeting.organizer.id, 90);
    const derived = await api<RoomAttendance>(ctx.app, await organizer(), 'GET', path());
    expect(derived.status).toBe(200);
    expect(listed(derived.body)).toEqual(['Chair Japan', 'Delegate 0']);
    expect(derived.body.entries.find((e) => e.personId === delegate0.id)).toMatchObject({
      seconds: 3000,
      derived: true,
      override: null,
      side: 'Japan',
      category: 'government',
    });
    expect(derived.body.entries.find((e) => e.personId === ctx.meeting.organizer.id)?.included).toBe(false);

    // Remove someone who only looked in, add someone who followed by phone.
    await api(ctx.app, await organizer(), 'PUT', path(delegate0.id), { included: false });
    const corrected = await api<RoomAttendance>(ctx.app, await organizer(), 'PUT', path(delegate1.id), {
      included: true,
    });
    expect(listed(corrected.body)).toEqual(['Chair Japan', 'Delegate 1']);
    const cleared = await api<RoomAttendance>(ctx.app, await organizer(), 'DELETE', path(delegate0.id));
    expect(listed(cleared.body)).toEqual(['Chair Japan', 'Delegate 0', 'Delegate 1']);

    const stranger = await buildPerson(ctx.app.store.db, { name: 'Not a member' });
    expect((await api(ctx.app, await organizer(), 'PUT', path(stranger.id), { included: true })).status).toBe(
      400,
    );
    expect((await api(ctx.app, await organizer(), 'PUT', path('nobody'), { included: true })).status).toBe(
      404,
    );
    expect((await api(ctx.app, await ctx.cookieOf(ctx.meeting.chairs[0]!.id), 'GET', path())).status).toBe(
      403,
    );
  });

  it('is frozen once the minutes are published', async () => {
    await attended(ctx.meeting.participants[0]!.id, 30);
    for (const [personId, command] of [
      [ctx.meeting.noteTaker.id, 'submit'],
      [ctx.meeting.chairs[0]!.id, 'approve'],
      [ctx.meeting.chairs[1]!.id, 'approve'],
      [ctx.meeting.organizer.id, 'publish'],
    ] as const) {
      const done = await api(
        ctx.app,
        await ctx.cookieOf(personId),
        'POST',
        `/rooms/${ctx.meeting.room.id}/minutes/${command}`,
      );
      expect(done.status).toBe(200);
    }
    await attended(ctx.meeting.participants[1]!.id, 30);
    const frozen = await api<RoomAttendance>(ctx.app, await organizer(), 'GET', path());
    expect(frozen.body.locked).toBe(true);
    expect(listed(frozen.body)).toEqual(['Delegate 0']);
    const refused = await api<{ error: { code: string } }>(
      ctx.app,
      await organizer(),
      'PUT',
      path(ctx.meeting.participants[1]!.id),
      {
        included: true,
      },
    );
    expect([refused.status, refused.body.error.code]).toEqual([409, 'minutes_locked']);
  });
});
