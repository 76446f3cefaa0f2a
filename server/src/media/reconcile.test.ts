import type { Room as LiveKitRoom } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { systemClock } from '../module.js';
import { closeRedis, connectRedis, type RedisDeps } from '../realtime/redis.js';
import type { Store } from '../store/db.js';
import { openFreshStore, TEST_REDIS_URL, uniqueRedisPrefix } from '../test/stores.js';
import type { LiveKit } from './livekit.js';
import { memoryMarksStore } from './marks-store.js';
import type { ParticipantTracker } from './participants.js';
import { createReconciler } from './reconcile.js';

describe('the periodic reconcile', () => {
  const logger = createLogger('silent');
  let store: Store;
  let first: RedisDeps;
  let second: RedisDeps;
  let listings = 0;
  const liveKit = {
    rooms: {
      listRooms: () => {
        listings += 1;
        return Promise.resolve([] as LiveKitRoom[]);
      },
    },
  } as unknown as LiveKit;
  const tracker = {} as ParticipantTracker;
  const reconcilerOn = (redis: RedisDeps) =>
    createReconciler({
      liveKit,
      db: store.db,
      redis,
      marks: memoryMarksStore(),
      tracker,
      clock: systemClock,
      logger,
      signal: new AbortController().signal,
    });

  beforeAll(async () => {
    store = await openFreshStore('sqlite');
    const prefix = uniqueRedisPrefix();
    first = await connectRedis(TEST_REDIS_URL, prefix, logger);
    second = await connectRedis(TEST_REDIS_URL, prefix, logger);
  });
  afterAll(async () => {
    await closeRedis(first);
    await closeRedis(second);
    await store.close();
  });

  it('runs on one instance per interval when several share Redis', async () => {
    const turns = await Promise.all([
      reconcilerOn(first).reconcileIfTurn(),
      reconcilerOn(second).reconcileIfTurn(),
    ]);
    expect(turns.filter(Boolean)).toHaveLength(1);
    expect(listings).toBe(1);
    expect(await reconcilerOn(second).reconcileIfTurn()).toBe(false);
  });
});
