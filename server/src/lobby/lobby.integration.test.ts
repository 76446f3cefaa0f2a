import { afterEach, describe, expect, it, vi } from 'vitest';
import { LobbyStatePushSchema, type LobbyStatePush } from '@roundtable/shared';
import { listAudit } from '../audit/audit.js';
import { startTestApp, type TestApp } from '../test/app.js';
import {
  buildMeeting,
  call,
  connectAs,
  follow,
  startInstances,
  type TestClient,
} from '../speaking/test-helpers.js';

let apps: TestApp[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  for (const app of apps.splice(0)) await app.close();
});

async function as(app: TestApp, personId: string): Promise<TestClient> {
  const c = await connectAs(app, personId);
  clients.push(c);
  return c;
}

/** Whether the guard lets `personId` into `roomId` on `app` (what every entrance asks). */
const lobbyOf = (app: TestApp) => ({
  isAdmitted: async (roomId: string, personId: string) =>
    (await app.app.context.guard.decide(personId, roomId, 'room:enter')).ok,
});

describe('the lobby', () => {
  it('holds people with access until a co-chair admits them', async () => {
    const app = await startTestApp();
    apps.push(app);
    const meeting = await buildMeeting(app.store.db, { lobbyEnabled: true });
    const roomId = meeting.room.id;
    const chair = await as(app, meeting.chairs[0]!.id);
    const delegate = await as(app, meeting.participants[0]!.id);
    const pushes: LobbyStatePush[] = [];
    chair.on('lobby:state', (p) => pushes.push(p));
    const watched = await call(chair, 'lobby:watch', { roomId });
    expect(watched.ok && LobbyStatePushSchema.parse(watched.data).state.waiting).toEqual([]);

    expect(await call(delegate, 'speaking:subscribe', { roomId })).toMatchObject({
      ok: false,
      error: { code: 'not_admitted' },
    });
    expect(await call(delegate, 'lobby:join', { roomId })).toEqual({ ok: true, data: { status: 'waiting' } });
    await vi.waitFor(
      () =>
        expect(pushes.at(-1)?.state.waiting.map((w) => w.personId)).toEqual([meeting.participants[0]!.id]),
      { timeout: 10_000 },
    );
    expect(await lobbyOf(app).isAdmitted(roomId, meeting.participants[0]!.id)).toBe(false);

    const admitted = new Promise((resolve) => delegate.once('lobby:admitted', resolve));
    expect(
      await call(chair, 'lobby:admit', { roomId, personIds: [meeting.participants[0]!.id] }),
    ).toMatchObject({
      ok: true,
    });
    expect(await admitted).toEqual({ roomId });
    expect(await lobbyOf(app).isAdmitted(roomId, meeting.participants[0]!.id)).toBe(true);
    expect((await call(delegate, 'speaking:subscribe', { roomId })).ok).toBe(true);
    expect(await call(delegate, 'lobby:join', { roomId })).toEqual({
      ok: true,
      data: { status: 'admitted' },
    });
    expect(await lobbyOf(app).isAdmitted(roomId, meeting.chairs[1]!.id)).toBe(true);
    expect(await lobbyOf(app).isAdmitted(roomId, meeting.outsider.id)).toBe(false);
  });

  it('admits everyone waiting at once, and only co-chairs and organizers may', async () => {
    const app = await startTestApp();
    apps.push(app);
    const meeting = await buildMeeting(app.store.db, { lobbyEnabled: true });
    const roomId = meeting.room.id;
    const waiting = await Promise.all(meeting.participants.map((p) => as(app, p.id)));
    for (const c of waiting) expect((await call(c, 'lobby:join', { roomId })).ok).toBe(true);
    expect(await call(waiting[0]!, 'lobby:admit-all', { roomId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const organizer = await as(app, meeting.organizer.id);
    expect((await call(organizer, 'lobby:admit-all', { roomId })).ok).toBe(true);
    for (const p of meeting.participants) expect(await lobbyOf(app).isAdmitted(roomId, p.id)).toBe(true);
    const audit = await listAudit(app.store.db, { roomId });
    expect(
      audit
        .filter((e) => e.action === 'lobby.admit')
        .map((e) => e.targetId)
        .sort(),
    ).toEqual(meeting.participants.map((p) => p.id).sort());
  });

  it('removes someone from the room on every instance: told, unsubscribed, kept out, connections re-authorized', async () => {
    apps = await startInstances(2);
    const [a, b] = apps as [TestApp, TestApp];
    const meeting = await buildMeeting(a.store.db);
    const roomId = meeting.room.id;
    const target = meeting.participants[0]!;
    const chair = await as(a, meeting.chairs[0]!.id);
    const delegate = await as(b, target.id);
    await follow(delegate, roomId);
    const accessChangesOnB: string[][] = [];
    b.app.context.accessChanges.onChange((c) => accessChangesOnB.push(c.personIds));
    const told = new Promise((resolve) => delegate.once('lobby:removed', resolve));
    const unsubscribed = new Promise((resolve) => delegate.once('speaking:unsubscribed', resolve));

    expect(await call(chair, 'lobby:remove', { roomId, personId: meeting.chairs[1]!.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await call(chair, 'lobby:remove', { roomId, personId: target.id })).ok).toBe(true);

    expect(await told).toEqual({ roomId });
    expect(await unsubscribed).toEqual({ roomId, reason: 'removed' });
    expect(accessChangesOnB).toContainEqual([target.id]);
    const inRoom = await b.app.io.in(`speaking:${roomId}`).fetchSockets();
    expect(inRoom.map((s) => s.data.personId)).not.toContain(target.id);
    for (const app of apps) expect(await lobbyOf(app).isAdmitted(roomId, target.id)).toBe(false);
    expect(await call(delegate, 'speaking:raise-hand', { roomId })).toMatchObject({
      ok: false,
      error: { code: 'not_admitted' },
    });
    const [entry] = (await listAudit(a.store.db, { roomId })).filter((e) => e.action === 'lobby.remove');
    expect(entry).toMatchObject({ actorId: meeting.chairs[0]!.id, targetId: target.id });
  });
});
