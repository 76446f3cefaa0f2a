import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceEvents } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { freshStoreOptions, uniqueRedisPrefix } from '../test/stores.js';
import { buildTaskForce } from './fixtures.js';
import { presenceOf } from './module.js';
import { collect, connectAs, disconnectAll } from './testing.js';

const TTL_SECONDS = 5;

/** Two instances over one PostgreSQL database and one Redis prefix, as behind a load balancer. */
async function startPair() {
  const storeOptions = await freshStoreOptions('postgres');
  const redisPrefix = uniqueRedisPrefix();
  const config = { PRESENCE_TTL_SECONDS: String(TTL_SECONDS) };
  const first = await startTestApp({ storeOptions, redisPrefix, config });
  const second = await startTestApp({ storeOptions, redisPrefix, config });
  return { first, second, world: await buildTaskForce(first.store.db) };
}

describe('presence across instances', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    disconnectAll();
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  const pair = async () => {
    const started = await startPair();
    apps.push(started.first, started.second);
    return started;
  };

  it('shows people on either instance to people on the other, counting a person on both once', async () => {
    const { first, second, world } = await pair();
    const chair = await connectAs(first, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    const joined = collect(chair, PresenceEvents.Joined);
    const updated = collect(chair, PresenceEvents.Updated);

    const onSecond = await connectAs(second, world.delegate.id);
    const ack = await onSecond.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    expect(ack.ok && ack.data.entries.map((e) => e.personId)).toEqual([
      world.organizer.id,
      world.delegate.id,
    ]);
    await vi.waitFor(() => expect(joined.map((p) => p.entry.personId)).toEqual([world.delegate.id]));

    const onFirst = await connectAs(first, world.delegate.id);
    await onFirst.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    await vi.waitFor(() => expect(updated.at(-1)?.entry).toMatchObject({ connections: 2 }));
    expect(joined).toHaveLength(1);
  });

  it('announces at once the people of an instance that shuts down cleanly', async () => {
    const { first, second, world } = await pair();
    const chair = await connectAs(first, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    const left = collect(chair, PresenceEvents.Left);
    const stakeholder = await connectAs(second, world.stakeholder.id);
    await stakeholder.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });

    const closedAt = Date.now();
    await second.close();
    await vi.waitFor(() => expect(left.map((p) => p.personId)).toEqual([world.stakeholder.id]));
    expect(Date.now() - closedAt).toBeLessThan(1000);
  });

  it(`drops the people of a crashed instance within the presence TTL (${TTL_SECONDS} s)`, async () => {
    const { first, second, world } = await pair();
    const chair = await connectAs(first, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    const left = collect(chair, PresenceEvents.Left);
    const delegate = await connectAs(second, world.delegate.id);
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });

    // The crash: the second instance's command connection dies without a word. Its heartbeat
    // stops reaching Redis and nothing it does afterwards can clean up after it.
    const crashedAt = Date.now();
    second.redis?.client.destroy();
    await vi.waitFor(() => expect(left.map((p) => p.personId)).toEqual([world.delegate.id]), {
      timeout: (TTL_SECONDS + 5) * 1000,
      interval: 50,
    });
    const expiredAfterMs = Date.now() - crashedAt;
    expect(expiredAfterMs).toBeLessThanOrEqual(TTL_SECONDS * 1000 + 500);
    const list = await chair.emitWithAck(PresenceEvents.Join, { roomId: world.govRoom.id });
    expect(list.ok && list.data.entries.map((e) => e.personId)).toEqual([world.organizer.id]);
  });

  it('puts back the people of an instance that other instances took for dead during a pause', async () => {
    const { first, second, world } = await pair();
    const chair = await connectAs(second, world.organizer.id);
    await chair.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    const joined = collect(chair, PresenceEvents.Joined);
    const delegate = await connectAs(first, world.delegate.id);
    await delegate.emitWithAck(PresenceEvents.Join, { roomId: world.openRoom.id });
    await vi.waitFor(() => expect(joined).toHaveLength(1));

    // What a sweep leaves behind when other instances took this one for dead: its people gone and
    // the instance no longer registered (done by hand, so no heartbeat can slip in between).
    const redis = second.redis!;
    const roomKey = `${redis.prefix}presence:room:${world.openRoom.id}`;
    const fields = await redis.client.hGetAll(roomKey);
    const field = Object.keys(fields).find((f) => fields[f]?.includes(world.delegate.id)) ?? '';
    await redis.client.hDel(roomKey, field);
    const list = async () =>
      (await presenceOf(second.app.context.modules)?.listRoomPresence(world.openRoom.id))?.entries;
    expect((await list())?.map((e) => e.personId)).toEqual([world.organizer.id]);
    await redis.client.sRem(`${redis.prefix}presence:instances`, field.split(':')[1] ?? '');

    await vi.waitFor(
      async () =>
        expect((await list())?.map((e) => e.personId)).toEqual([world.organizer.id, world.delegate.id]),
      { timeout: TTL_SECONDS * 1000, interval: 100 },
    );
    await vi.waitFor(() =>
      expect(joined.map((p) => p.entry.personId)).toEqual([world.delegate.id, world.delegate.id]),
    );
  });
});
