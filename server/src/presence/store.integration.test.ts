import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { closeRedis, connectRedis, type RedisDeps } from '../realtime/redis.js';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../test/stores.js';
import { aggregatePresence, diffPresence, versionOf, type ConnectionRecord } from './core.js';
import { createMemoryPresenceBackend, createMemoryPresenceStore } from './memory-store.js';
import { createRedisPresenceStore } from './redis-store.js';
import type { PresenceStore } from './store.js';

/** Builds stores that play separate instances over one shared presence state. */
interface StoreKind {
  name: string;
  setUp(): Promise<{
    create: (instanceId: string, ttlMs: number) => Promise<PresenceStore>;
    tearDown: () => Promise<void>;
  }>;
}

const memoryKind: StoreKind = {
  name: 'in-process',
  setUp() {
    const backend = createMemoryPresenceBackend();
    return Promise.resolve({
      create: (instanceId: string, ttlMs: number) =>
        Promise.resolve(createMemoryPresenceStore({ backend, instanceId, ttlMs, now: Date.now })),
      tearDown: () => Promise.resolve(),
    });
  },
};

const redisKind: StoreKind = {
  name: 'redis',
  setUp() {
    const prefix = uniqueRedisPrefix();
    const connections: RedisDeps[] = [];
    return Promise.resolve({
      create: async (instanceId: string, ttlMs: number) => {
        // Own connections per store, as separate instances have.
        const redis = await connectRedis(TEST_REDIS_URL, prefix, createLogger('silent'));
        connections.push(redis);
        return createRedisPresenceStore({ client: redis.client, prefix, instanceId, ttlMs });
      },
      tearDown: async () => {
        const [first] = connections;
        if (first) {
          const keys = await first.client.keys(`${prefix}*`);
          if (keys.length) await first.client.del(keys);
        }
        await Promise.all(connections.map(closeRedis));
      },
    });
  },
};

const record = (personId: string, since: number, role: ConnectionRecord['role'] = 'participant') => ({
  personId,
  name: `Person ${personId}`,
  side: 'Japan',
  delegationName: { en: 'Japan — Government', ja: '' },
  category: 'government' as const,
  role,
  since,
});

describe.each([memoryKind, redisKind])('PresenceStore ($name)', (kind) => {
  let tearDown: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await tearDown?.();
    tearDown = undefined;
  });
  const setUp = async () => {
    const stores = await kind.setUp();
    tearDown = stores.tearDown;
    return stores;
  };

  it('lists an added connection and forgets it once removed, bumping the version each time', async () => {
    const { create } = await setUp();
    const store = await create('a', 10_000);
    const added = await store.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    expect(diffPresence(added.before, added.after)).toEqual([
      { kind: 'joined', entry: { ...record('p1', 100), inMedia: false, connections: 1 } },
    ]);
    expect(aggregatePresence(await store.read('room-1'))).toHaveLength(1);
    const removed = await store.apply('room-1', { kind: 'remove', connectionId: 's1' });
    expect(diffPresence(removed.before, removed.after)).toEqual([{ kind: 'left', personId: 'p1' }]);
    const stored = await store.read('room-1');
    expect(aggregatePresence(stored)).toEqual([]);
    expect(versionOf(stored)).toBe(2);
    expect(versionOf(removed.after)).toBe(2);
  });

  it('keeps rooms apart', async () => {
    const { create } = await setUp();
    const store = await create('a', 10_000);
    await store.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    expect(aggregatePresence(await store.read('room-2'))).toEqual([]);
  });

  it('counts a person with connections on two instances once, until the last one leaves', async () => {
    const { create } = await setUp();
    const a = await create('a', 10_000);
    const b = await create('b', 10_000);
    await a.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    const second = await b.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 200) });
    expect(diffPresence(second.before, second.after)).toMatchObject([
      { kind: 'updated', entry: { personId: 'p1', since: 100, connections: 2 } },
    ]);
    const firstGone = await a.apply('room-1', { kind: 'remove', connectionId: 's1' });
    expect(diffPresence(firstGone.before, firstGone.after)).toMatchObject([
      { kind: 'updated', entry: { personId: 'p1', since: 200, connections: 1 } },
    ]);
    const lastGone = await b.apply('room-1', { kind: 'remove', connectionId: 's1' });
    expect(diffPresence(lastGone.before, lastGone.after)).toEqual([{ kind: 'left', personId: 'p1' }]);
  });

  it('sets the media flag once and leaves the version alone when nothing changes', async () => {
    const { create } = await setUp();
    const store = await create('a', 10_000);
    await store.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    const on = await store.apply('room-1', { kind: 'media', personId: 'p1', inMedia: true });
    expect(diffPresence(on.before, on.after)).toMatchObject([
      { kind: 'updated', entry: { personId: 'p1', inMedia: true } },
    ]);
    const again = await store.apply('room-1', { kind: 'media', personId: 'p1', inMedia: true });
    expect(diffPresence(again.before, again.after)).toEqual([]);
    expect(versionOf(await store.read('room-1'))).toBe(2);
    const off = await store.apply('room-1', { kind: 'media', personId: 'p1', inMedia: false });
    expect(aggregatePresence(off.after)[0]?.inMedia).toBe(false);
    expect(versionOf(await store.read('room-1'))).toBe(3);
  });

  it('removes the connections of an instance whose heartbeat expired, and announces them once', async () => {
    const { create } = await setUp();
    const dead = await create('dead', 300);
    const survivor = await create('survivor', 10_000);
    const otherSweeper = await create('other', 10_000);
    await dead.heartbeat();
    await survivor.heartbeat();
    await dead.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    await dead.apply('room-2', { kind: 'add', connectionId: 's2', record: record('p2', 100) });
    await survivor.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p3', 100) });

    expect(await survivor.sweep()).toEqual([]);
    await vi.waitFor(
      async () => {
        const [first, second] = await Promise.all([survivor.sweep(), otherSweeper.sweep()]);
        const left = [...first, ...second].flatMap((c) => diffPresence(c.before, c.after));
        expect(left.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([
          { kind: 'left', personId: 'p1' },
          { kind: 'left', personId: 'p2' },
        ]);
      },
      { timeout: 3000, interval: 50 },
    );
    expect(aggregatePresence(await survivor.read('room-1')).map((e) => e.personId)).toEqual(['p3']);
    expect(aggregatePresence(await survivor.read('room-2'))).toEqual([]);
  });

  it('keeps the connections of an instance that keeps beating', async () => {
    const { create } = await setUp();
    const alive = await create('alive', 300);
    const sweeper = await create('sweeper', 10_000);
    await alive.heartbeat();
    await alive.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    for (let i = 0; i < 5; i++) {
      await alive.heartbeat();
      expect(await sweeper.sweep()).toEqual([]);
    }
    expect(aggregatePresence(await sweeper.read('room-1'))).toHaveLength(1);
  });

  it('tells an instance on its next heartbeat that it was swept while it paused', async () => {
    const { create } = await setUp();
    const paused = await create('paused', 200);
    const sweeper = await create('sweeper', 10_000);
    expect(await paused.heartbeat()).toBe('alive');
    await paused.apply('room-1', { kind: 'add', connectionId: 's1', record: record('p1', 100) });
    await vi.waitFor(
      async () => {
        expect((await sweeper.sweep()).length).toBe(1);
      },
      { timeout: 3000, interval: 50 },
    );
    expect(await paused.heartbeat()).toBe('swept');
    expect(await paused.heartbeat()).toBe('alive');
  });
});
