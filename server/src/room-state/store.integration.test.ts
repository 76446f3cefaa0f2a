import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../logger.js';
import { systemClock } from '../module.js';
import { createMetrics } from '../observability/metrics.js';
import { closeRedis, connectRedis, type RedisDeps } from '../realtime/redis.js';
import type { Store } from '../store/db.js';
import { openFreshStore, TEST_REDIS_URL, uniqueRedisPrefix } from '../test/stores.js';
import { createRoomStateStore, type RoomStateStore } from './store.js';

const CounterSchema = z.object({ n: z.number(), log: z.array(z.string()) });
type Counter = z.infer<typeof CounterSchema>;
const logger = createLogger('silent');

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function instance(store: Store, prefix: string | null): Promise<RoomStateStore<Counter>> {
  let redis: RedisDeps | null = null;
  if (prefix) {
    redis = await connectRedis(TEST_REDIS_URL, prefix, logger);
    const r = redis;
    cleanup.push(() => closeRedis(r));
  }
  return createRoomStateStore('counter', CounterSchema, () => ({ n: 0, log: [] }), {
    store,
    redis,
    clock: systemClock,
    logger,
    metrics: createMetrics(),
  });
}

const increment = (tag: string) => (state: Counter) => ({
  state: { n: state.n + 1, log: [...state.log, tag] },
  result: state.n + 1,
});

describe('versioned room state', () => {
  it('loses no change when two instances update the same room at once through Redis', async () => {
    const store = await openFreshStore('postgres');
    cleanup.push(() => store.close());
    const prefix = uniqueRedisPrefix();
    const [a, b] = [await instance(store, prefix), await instance(store, prefix)];
    const runs = await Promise.all(
      Array.from({ length: 400 }, (_, i) => (i % 2 ? a : b).update('room', increment(`${i}`))),
    );
    const versions = runs.map((r) => (r.accepted ? r.version : -1)).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const final = await a.get('room');
    expect(final.version).toBe(400);
    expect(final.state.n).toBe(400);
    expect(new Set(final.state.log).size).toBe(400);
    expect(await b.get('room')).toEqual(final);
    const row = await store.db
      .selectFrom('room_state')
      .selectAll()
      .where('room_id', '=', 'room')
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(400);
  });

  it('gives each accepted change its own version and none to refusals or no-ops', async () => {
    const store = await openFreshStore('sqlite');
    cleanup.push(() => store.close());
    const states = await instance(store, null);
    await states.update('room', increment('x'));
    const refused = await states.update('room', () => ({ error: { code: 'nope', message: 'Refused.' } }));
    const unchanged = await states.update('room', (state) => ({ state, result: null }));
    expect(refused).toEqual({ accepted: false, error: { code: 'nope', message: 'Refused.' } });
    expect(unchanged).toMatchObject({ accepted: true, version: 1 });
    expect((await states.get('room')).version).toBe(1);
  });

  it('never lets an older version overwrite a newer one in the store', async () => {
    const store = await openFreshStore('sqlite');
    cleanup.push(() => store.close());
    const prefix = uniqueRedisPrefix();
    const states = await instance(store, prefix);
    for (let i = 0; i < 3; i++) await states.update('room', increment(`${i}`));
    await store.db.updateTable('room_state').set({ version: 10 }).where('room_id', '=', 'room').execute();
    await states.update('room', increment('late'));
    const row = await store.db
      .selectFrom('room_state')
      .selectAll()
      .where('room_id', '=', 'room')
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(10);
  });
});
