import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClockEvents, PresenceEvents } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildRoomRole } from '../test/factories.js';
import { readAttendance } from './attendance.js';
import { buildTaskForce } from './fixtures.js';
import { presenceOf } from './module.js';
import { collect, connectAs, disconnectAll } from './testing.js';

describe('presence on one instance', () => {
  let testApp: TestApp;
  let world: Awaited<ReturnType<typeof buildTaskForce>>;
  beforeEach(async () => {
    testApp = await startTestApp();
    world = await buildTaskForce(testApp.store.db);
  });
  afterEach(async () => {
    disconnectAll();
    await testApp.close();
  });

  it('shows a newcomer who is already in the room and announces them to the others', async () => {
    const chair = await connectAs(testApp, world.organizer.id);
    const joined = collect(chair, PresenceEvents.Joined);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });

    const delegate = await connectAs(testApp, world.delegate.id);
    const ack = await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data.entries.map((e) => [e.personId, e.role])).toEqual([
      [world.organizer.id, 'organizer'],
      [world.delegate.id, 'participant'],
    ]);
    expect(ack.data.entries[1]).toMatchObject({
      name: 'Aiko Tanaka',
      side: 'Japan',
      delegationName: { en: 'Japan — Government', ja: '' },
      category: 'government',
      inMedia: false,
      connections: 1,
    });
    await vi.waitFor(() => expect(joined.map((p) => p.entry.personId)).toContain(world.delegate.id));
    expect(joined.find((p) => p.entry.personId === world.delegate.id)?.version).toBe(ack.data.version);
  });

  it('counts a person with two tabs once and announces the leave only when the last tab closes', async () => {
    const chair = await connectAs(testApp, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    const joined = collect(chair, PresenceEvents.Joined);
    const updated = collect(chair, PresenceEvents.Updated);
    const left = collect(chair, PresenceEvents.Left);

    const firstTab = await connectAs(testApp, world.stakeholder.id);
    const secondTab = await connectAs(testApp, world.stakeholder.id);
    await firstTab.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    const ack = await secondTab.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    expect(ack.ok && ack.data.entries.find((e) => e.personId === world.stakeholder.id)?.connections).toBe(2);

    firstTab.disconnect();
    await vi.waitFor(() => expect(updated.at(-1)?.entry).toMatchObject({ connections: 1 }));
    expect(left).toEqual([]);
    await secondTab.emitWithAck(PresenceEvents.Leave, { roomId: world.openRoom.id });
    await vi.waitFor(() => expect(left.map((p) => p.personId)).toEqual([world.stakeholder.id]));
    expect(joined.filter((p) => p.entry.personId === world.stakeholder.id)).toHaveLength(1);
  });

  it('keeps a room’s presence from people who may not enter it', async () => {
    const delegate = await connectAs(testApp, world.delegate.id);
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    const stakeholder = await connectAs(testApp, world.stakeholder.id);
    const pushes = [
      collect(stakeholder, PresenceEvents.Joined),
      collect(stakeholder, PresenceEvents.Updated),
      collect(stakeholder, PresenceEvents.Left),
    ];

    const refused = await stakeholder.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const view = await stakeholder.emitWithAck(PresenceEvents.WatchEvent, { eventId: world.event.id });
    if (!view.ok) throw new Error(view.error.message);
    expect(view.data.rooms.map((r) => r.roomId)).toEqual([world.openRoom.id]);
    const counts = collect(stakeholder, PresenceEvents.Counts);

    // A change in each room; the stakeholder hears of the open one only.
    await delegate.emitWithAck(PresenceEvents.Leave, { roomId: world.govRoom.id });
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    await vi.waitFor(() =>
      expect(counts.flatMap((c) => c.rooms.map((r) => r.roomId))).toContain(world.openRoom.id),
    );
    // A round trip on the same connection: anything pushed before it has arrived.
    await stakeholder.emitWithAck(ClockEvents.Ping, {});
    expect(counts.flatMap((c) => c.rooms.map((r) => r.roomId))).not.toContain(world.govRoom.id);
    expect(pushes.flat()).toEqual([]);
  });

  it('gives organizers the counts of every room, pushed live at most twice a second per room', async () => {
    const organizer = await connectAs(testApp, world.organizer.id);
    const view = await organizer.emitWithAck(PresenceEvents.WatchEvent, { eventId: world.event.id });
    expect(view.ok && view.data.rooms.map((r) => r.roomId).sort()).toEqual(
      [world.govRoom.id, world.openRoom.id].sort(),
    );
    const counts = collect(organizer, PresenceEvents.Counts);
    const started = Date.now();
    const sockets = await Promise.all(Array.from({ length: 6 }, () => connectAs(testApp, world.delegate.id)));
    for (const socket of sockets) await socket.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    const stakeholder = await connectAs(testApp, world.stakeholder.id);
    await stakeholder.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });

    const latest = (roomId: string) =>
      counts
        .flatMap((c) => c.rooms)
        .filter((r) => r.roomId === roomId)
        .at(-1);
    await vi.waitFor(() => {
      expect(latest(world.govRoom.id)).toMatchObject({ people: 1, inMedia: 0 });
      expect(latest(world.openRoom.id)).toMatchObject({ people: 1 });
    });
    const govPushes = counts.filter((c) => c.rooms.some((r) => r.roomId === world.govRoom.id)).length;
    expect(govPushes).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 500) + 1);
    expect(govPushes).toBeLessThan(sockets.length);
  });

  it('pushes and lists the media flag the media module sets', async () => {
    const chair = await connectAs(testApp, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    const delegate = await connectAs(testApp, world.delegate.id);
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    const updated = collect(chair, PresenceEvents.Updated);

    const presence = presenceOf(testApp.app.context.modules);
    await presence?.setMediaPresence(world.openRoom.id, world.delegate.id, true);
    await vi.waitFor(() =>
      expect(updated.at(-1)?.entry).toMatchObject({ personId: world.delegate.id, inMedia: true }),
    );
    const listed = await presence?.listRoomPresence(world.openRoom.id);
    expect(listed?.entries.find((e) => e.personId === world.delegate.id)?.inMedia).toBe(true);
  });

  it('records attendance from the first join to the last leave', async () => {
    const delegate = await connectAs(testApp, world.delegate.id);
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    await vi.waitFor(async () =>
      expect(await readAttendance(testApp.store.db, world.govRoom.id)).toEqual([
        expect.objectContaining({ personId: world.delegate.id, present: true }),
      ]),
    );
    delegate.disconnect();
    await vi.waitFor(async () =>
      expect(await readAttendance(testApp.store.db, world.govRoom.id)).toEqual([
        expect.objectContaining({ personId: world.delegate.id, present: false }),
      ]),
    );
  });

  it('removes a person whose access was withdrawn and stops telling them about the room', async () => {
    const observer = await buildRoomRoleHolder();
    const chair = await connectAs(testApp, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    const left = collect(chair, PresenceEvents.Left);
    const watcher = await connectAs(testApp, observer);
    const joinedAck = await watcher.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    expect(joinedAck.ok).toBe(true);
    const heard = collect(watcher, PresenceEvents.Joined);
    const removed = collect(watcher, PresenceEvents.Removed);

    await testApp.store.db.deleteFrom('room_roles').where('person_id', '=', observer).execute();
    await testApp.app.context.accessChanges.notify({ personIds: [observer] });
    await vi.waitFor(() => expect(left.map((p) => p.personId)).toEqual([observer]));
    await vi.waitFor(() => expect(removed).toEqual([{ roomId: world.govRoom.id, reason: 'access_changed' }]));

    const delegate = await connectAs(testApp, world.delegate.id);
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    const chairList = await chair.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    expect(chairList.ok && chairList.data.entries.map((e) => e.personId)).not.toContain(observer);
    await watcher.emitWithAck(ClockEvents.Ping, {});
    expect(heard).toEqual([]);
  });

  /** A stakeholder let into the government room by an explicit role only. */
  async function buildRoomRoleHolder(): Promise<string> {
    await buildRoomRole(testApp.store.db, world.govRoom.id, world.stakeholder.id, 'observer');
    return world.stakeholder.id;
  }
});
