import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpeakingCommandAckSchema, SpeakingStatsSchema, type SpeakingTimeUp } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { signInAs } from '../test/factories.js';
import { buildMeeting, call, connectAs, follow, type TestClient } from './test-helpers.js';
import type { SpeakingModule } from './module.js';

let app: TestApp;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await app.close();
});

async function client(personId: string): Promise<TestClient> {
  const c = await connectAs(app, personId);
  clients.push(c);
  return c;
}

const okData = async (ack: Promise<Awaited<ReturnType<typeof call>>>) => {
  const result = await ack;
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.data;
};

describe('the speaking order on one instance', () => {
  it('pushes the same ordered list to every subscriber after each change', async () => {
    app = await startTestApp();
    const meeting = await buildMeeting(app.store.db);
    const roomId = meeting.room.id;
    const [chair, a, b] = await Promise.all([
      client(meeting.chairs[0]!.id),
      client(meeting.participants[0]!.id),
      client(meeting.participants[1]!.id),
    ]);
    const views = await Promise.all([chair, a, b].map((c) => follow(c, roomId)));
    await okData(call(a, 'speaking:raise-hand', { roomId }));
    await okData(call(b, 'speaking:raise-hand', { roomId, kind: 'point_of_order' }));
    const ack = SpeakingCommandAckSchema.parse(await okData(call(chair, 'speaking:give-floor', { roomId })));
    await vi.waitFor(
      () => {
        for (const view of views) expect(view.latest().version).toBe(ack.version);
      },
      { timeout: 10_000 },
    );
    const state = views[1]!.latest().state;
    expect(state.floor).toMatchObject({ personId: meeting.participants[1]!.id, kind: 'point_of_order' });
    expect(state.entries.map((e) => e.personId)).toEqual([meeting.participants[0]!.id]);
    expect(state.entries[0]).toMatchObject({ side: 'Japan', category: 'government', name: 'Delegate 0' });
    expect(views[0]!.latest().serverNow).toBeGreaterThan(0);
  });

  it('signals time-up once when the limit passes and ends the turn when automatic end is on', async () => {
    app = await startTestApp();
    const meeting = await buildMeeting(app.store.db);
    const roomId = meeting.room.id;
    const chair = await client(meeting.chairs[0]!.id);
    const speaker = await client(meeting.participants[0]!.id);
    const view = await follow(chair, roomId);
    const signals: SpeakingTimeUp[] = [];
    chair.on('speaking:time-up', (s) => signals.push(s));
    const floorChanges: Array<string | null> = [];
    (app.app.context.modules.get('speaking') as SpeakingModule).onFloorChange((c) =>
      floorChanges.push(c.personId),
    );

    await okData(
      call(chair, 'speaking:update-settings', {
        roomId,
        settings: { autoEnd: true, defaultLimitSeconds: 0 },
      }),
    );
    await okData(call(speaker, 'speaking:raise-hand', { roomId }));
    await okData(call(chair, 'speaking:give-floor', { roomId }));
    // An unlimited turn extended by one second gets a one-second limit.
    await okData(call(chair, 'speaking:extend', { roomId, seconds: 1 }));

    await vi.waitFor(
      () => {
        expect(view.latest().state.floor).toBeNull();
        expect(signals).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    expect(signals).toEqual([expect.objectContaining({ roomId, personId: meeting.participants[0]!.id })]);
    expect(view.latest().state.history).toEqual([
      expect.objectContaining({ personId: meeting.participants[0]!.id, reason: 'time_up' }),
    ]);
    expect(floorChanges).toEqual([meeting.participants[0]!.id, null]);
  });

  it('reports live statistics to co-chairs and exports them as JSON and CSV', async () => {
    app = await startTestApp();
    const meeting = await buildMeeting(app.store.db);
    const roomId = meeting.room.id;
    const chair = await client(meeting.chairs[0]!.id);
    for (const p of meeting.participants.slice(0, 2)) {
      await okData(call(chair, 'speaking:add', { roomId, personId: p.id }));
      await okData(call(chair, 'speaking:give-floor', { roomId }));
    }
    await okData(call(chair, 'speaking:end-turn', { roomId }));
    const stats = SpeakingStatsSchema.parse(await okData(call(chair, 'speaking:stats', { roomId })));
    expect(stats.turns).toBe(2);
    expect(stats.bySide.map((s) => s.side).sort()).toEqual(['Japan', 'United States']);

    const cookie = await signInAs(app, meeting.chairs[1]!.id);
    const json = await fetch(`${app.url}/api/rooms/${roomId}/speaking/stats.json`, { headers: { cookie } });
    expect(json.status).toBe(200);
    expect(SpeakingStatsSchema.parse(await json.json()).byPerson).toHaveLength(2);
    const csv = await fetch(`${app.url}/api/rooms/${roomId}/speaking/stats.csv`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('scope,person_id,name,delegation_id,side,category,turns,total_seconds');
    expect(lines.filter((l) => l.startsWith('person,'))).toHaveLength(2);

    const participantCookie = await signInAs(app, meeting.participants[0]!.id);
    const refused = await fetch(`${app.url}/api/rooms/${roomId}/speaking/stats.json`, {
      headers: { cookie: participantCookie },
    });
    expect(refused.status).toBe(403);
  });

  it('logs every moderation action with who, what and on whom, readable by co-chairs only', async () => {
    app = await startTestApp();
    const meeting = await buildMeeting(app.store.db);
    const roomId = meeting.room.id;
    const chair = await client(meeting.chairs[0]!.id);
    const delegate = await client(meeting.participants[0]!.id);
    await okData(call(delegate, 'speaking:raise-hand', { roomId }));
    await okData(call(chair, 'speaking:give-floor', { roomId }));
    await okData(call(chair, 'speaking:end-turn', { roomId }));
    await okData(call(chair, 'speaking:close', { roomId }));

    const cookie = await signInAs(app, meeting.organizer.id);
    const res = await fetch(`${app.url}/api/rooms/${roomId}/audit`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { entries: Array<Record<string, unknown>> };
    expect(page.entries.map((e) => [e['action'], e['actorName'], e['targetName']])).toEqual([
      ['speaking.give', 'Chair Japan', 'Delegate 0'],
      ['speaking.end', 'Chair Japan', 'Delegate 0'],
      ['speaking.close', 'Chair Japan', null],
    ]);
    const delegateCookie = await signInAs(app, meeting.participants[0]!.id);
    expect(
      (await fetch(`${app.url}/api/rooms/${roomId}/audit`, { headers: { cookie: delegateCookie } })).status,
    ).toBe(403);
  });

  it('rate-limits hand raises and lowers per person', async () => {
    app = await startTestApp();
    const meeting = await buildMeeting(app.store.db);
    const roomId = meeting.room.id;
    const delegate = await client(meeting.participants[0]!.id);
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ack = await call(delegate, i % 2 ? 'speaking:lower-hand' : 'speaking:raise-hand', { roomId });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('ok'));
    expect(codes.slice(10)).toEqual(['rate_limited', 'rate_limited']);
  });
});
