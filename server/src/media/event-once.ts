import type { Clock } from '../module.js';
import type { RedisDeps } from '../realtime/redis.js';

/**
 * Remembers webhook event ids so each is applied once, even when LiveKit redelivers it or posts it
 * to two instances behind a load balancer.
 */
export interface EventOnce {
  /** True the first time `id` is claimed within the retention time, false afterwards. */
  claim(id: string): Promise<boolean>;
  /** Forgets a claim whose processing failed, so LiveKit's redelivery is applied. */
  release(id: string): Promise<void>;
}

/** LiveKit retries a webhook for minutes, not days; a day of memory covers every redelivery. */
export const EVENT_RETENTION_SECONDS = 24 * 60 * 60;
/** Bounds the in-process memory: well above the webhooks one instance sees in a day. */
export const MAX_REMEMBERED_EVENTS = 50_000;

/** Shared by every instance: `SET NX EX` lets exactly one claimant win. */
export function redisEventOnce(redis: RedisDeps, retentionSeconds = EVENT_RETENTION_SECONDS): EventOnce {
  const key = (id: string): string => `${redis.prefix}media:webhook-event:${id}`;
  return {
    async claim(id) {
      const set = await redis.client.set(key(id), '1', { NX: true, EX: retentionSeconds });
      return set === 'OK';
    },
    async release(id) {
      await redis.client.del(key(id));
    },
  };
}

/**
 * For a single instance without Redis: an insertion-ordered map used as an LRU with expiry. The
 * oldest entries are dropped first, whether expired or pushed out by the size bound.
 */
export function memoryEventOnce(
  clock: Clock,
  retentionSeconds = EVENT_RETENTION_SECONDS,
  maxEntries = MAX_REMEMBERED_EVENTS,
): EventOnce {
  const seen = new Map<string, number>();
  const evict = (now: number): void => {
    for (const [id, expiresAt] of seen) {
      if (expiresAt > now && seen.size <= maxEntries) break;
      seen.delete(id);
    }
  };
  return {
    claim(id) {
      const now = clock.now();
      evict(now);
      const expiresAt = seen.get(id);
      if (expiresAt !== undefined && expiresAt > now) return Promise.resolve(false);
      seen.delete(id);
      seen.set(id, now + retentionSeconds * 1000);
      evict(now);
      return Promise.resolve(true);
    },
    release(id) {
      seen.delete(id);
      return Promise.resolve();
    },
  };
}
