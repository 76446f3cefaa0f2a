import { createClient } from 'redis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpeakingStateSchema, type SpeakingStatePush } from '@roundtable/shared';
import type { StoreOptions } from '../store/db.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { freshStoreOptions, TEST_REDIS_URL, uniqueRedisPrefix } from '../test/stores.js';
import { buildMeeting, call, connectAs, follow, type Meeting, type TestClient } from './test-helpers.js';

let running: TestApp | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await running?.close();
  running = null;
});

async function start(storeOptions: StoreOptions, redisPrefix?: string): Promise<TestApp> {
  running = await startTestApp(redisPrefix ? { storeOptions, redisPrefix } : { storeOptions });
  return running;
}

async function stop(): Promise<void> {
  for (const c of clients.splice(0)) c.disconnect();
  await running?.close();
  running = null;
}

async function as(app: TestApp, personId: string): Promise<TestClient> {
  const c = await connectAs(app, personId);
  clients.push(c);
  return c;
}

async function ok(ack: ReturnType<typeof call>): Promise<void> {
  const result = await ack;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
}

/** A meeting in progress: three waiting, one speaking for a while with a paused stretch. */
async function meetingInProgress(app: TestApp): Promise<{ meeting: Meeting; before: SpeakingStatePush }> {
  const meeting = await buildMeeting(app.store.db, { participants: 4 });
  const roomId = meeting.room.id;
  const chair = await as(app, meeting.chairs[0]!.id);
  for (const p of meeting.participants) await ok(call(chair, 'speaking:add', { roomId, personId: p.id }));
  await ok(
    call(chair, 'speaking:update-settings', {
      roomId,
      settings: { rotation: 'side', defaultLimitSeconds: 120 },
    }),
  );
  await ok(call(chair, 'speaking:give-floor', { roomId }));
  await ok(call(chair, 'speaking:pause', { roomId }));
  await ok(call(chair, 'speaking:resume', { roomId }));
  await ok(call(chair, 'speaking:extend', { roomId, seconds: 30 }));
  const view = await follow(chair, roomId);
  return { meeting, before: view.latest() };
}

async function stateAfterRestart(app: TestApp, meeting: Meeting): Promise<SpeakingStatePush> {
  const chair = await as(app, meeting.chairs[1]!.id);
  return (await follow(chair, meeting.room.id)).latest();
}

async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = createClient({ url: TEST_REDIS_URL });
  await redis.connect();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(keys);
  await redis.quit();
  return keys.length;
}

describe('a restart mid-meeting', () => {
  it('keeps the list, the floor and its timer with Redis and PostgreSQL', async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const prefix = uniqueRedisPrefix();
    const { meeting, before } = await meetingInProgress(await start(storeOptions, prefix));
    await stop();
    const after = await stateAfterRestart(await start(storeOptions, prefix), meeting);
    expect(after.version).toBe(before.version);
    expect(after.state).toEqual(before.state);
    expect(after.state.floor).toMatchObject({ limitSeconds: 120, extendedSeconds: 30, pausedAt: null });
  });

  it('rebuilds the state from the store when Redis lost it too', async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const prefix = uniqueRedisPrefix();
    const { meeting, before } = await meetingInProgress(await start(storeOptions, prefix));
    await stop();
    expect(await deleteRedisKeys(prefix)).toBeGreaterThan(0);
    const app = await start(storeOptions, prefix);
    const after = await stateAfterRestart(app, meeting);
    expect(after).toMatchObject({ version: before.version, state: before.state });
    // The reseeded state keeps counting versions from where it was.
    const chair = await as(app, meeting.chairs[0]!.id);
    const ack = await call(chair, 'speaking:end-turn', { roomId: meeting.room.id });
    expect(ack).toEqual({
      ok: true,
      data: { version: before.version + 1, at: expect.any(Number) as number },
    });
  });

  it('keeps the state on the embedded store without Redis', async () => {
    const storeOptions = await freshStoreOptions('sqlite');
    const { meeting, before } = await meetingInProgress(await start(storeOptions));
    await stop();
    const after = await stateAfterRestart(await start(storeOptions), meeting);
    expect(after).toMatchObject({ version: before.version, state: before.state });
  });

  it('still ends a turn whose time ran out while the server was down, without any client', async () => {
    const storeOptions = await freshStoreOptions('sqlite');
    const app = await start(storeOptions);
    const meeting = await buildMeeting(app.store.db, { participants: 1 });
    const roomId = meeting.room.id;
    const chair = await as(app, meeting.chairs[0]!.id);
    await ok(
      call(chair, 'speaking:update-settings', {
        roomId,
        settings: { defaultLimitSeconds: 0, autoEnd: true },
      }),
    );
    await ok(call(chair, 'speaking:add', { roomId, personId: meeting.participants[0]!.id }));
    await ok(call(chair, 'speaking:give-floor', { roomId }));
    await ok(call(chair, 'speaking:extend', { roomId, seconds: 1 }));
    await stop();
    const restarted = await start(storeOptions);
    await vi.waitFor(
      async () => {
        const row = await restarted.store.db
          .selectFrom('room_state')
          .select('state')
          .where('room_id', '=', roomId)
          .executeTakeFirstOrThrow();
        const state = SpeakingStateSchema.parse(JSON.parse(row.state));
        expect(state.floor).toBeNull();
        expect(state.history.map((t) => t.reason)).toEqual(['time_up']);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
