import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { closeRedis, connectRedis, type RedisDeps } from '../realtime/redis.js';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../test/stores.js';
import { memoryEventOnce, redisEventOnce } from './event-once.js';

function movableClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('memoryEventOnce', () => {
  it('claims an event id once and refuses it again within the retention time', async () => {
    const once = memoryEventOnce(movableClock(), 60);
    expect(await once.claim('EV_1')).toBe(true);
    expect(await once.claim('EV_1')).toBe(false);
    expect(await once.claim('EV_2')).toBe(true);
  });

  it('accepts an id again once its retention has passed', async () => {
    const clock = movableClock();
    const once = memoryEventOnce(clock, 60);
    await once.claim('EV_1');
    clock.advance(61_000);
    expect(await once.claim('EV_1')).toBe(true);
  });

  it('drops the oldest ids beyond its size bound', async () => {
    const once = memoryEventOnce(movableClock(), 60, 2);
    await once.claim('EV_1');
    await once.claim('EV_2');
    await once.claim('EV_3');
    expect(await once.claim('EV_2')).toBe(false);
    expect(await once.claim('EV_1')).toBe(true);
  });

  it('accepts a released id again so a failed delivery can be redelivered', async () => {
    const once = memoryEventOnce(movableClock());
    await once.claim('EV_1');
    await once.release('EV_1');
    expect(await once.claim('EV_1')).toBe(true);
  });
});

describe('redisEventOnce', () => {
  let a: RedisDeps;
  let b: RedisDeps;
  beforeAll(async () => {
    const prefix = uniqueRedisPrefix();
    const logger = createLogger('silent');
    a = await connectRedis(TEST_REDIS_URL, prefix, logger);
    b = await connectRedis(TEST_REDIS_URL, prefix, logger);
  });
  afterAll(async () => {
    await closeRedis(a);
    await closeRedis(b);
  });

  it('lets exactly one of two instances claim an event id', async () => {
    const results = await Promise.all([redisEventOnce(a).claim('EV_x'), redisEventOnce(b).claim('EV_x')]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('expires claims after the retention time', async () => {
    await redisEventOnce(a, 60).claim('EV_ttl');
    const ttl = await a.client.ttl(`${a.prefix}media:webhook-event:EV_ttl`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('accepts a released id again on another instance', async () => {
    await redisEventOnce(a).claim('EV_r');
    await redisEventOnce(a).release('EV_r');
    expect(await redisEventOnce(b).claim('EV_r')).toBe(true);
  });
});
