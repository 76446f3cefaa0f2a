import type { RedisDeps } from '../realtime/redis.js';

/**
 * Slow mode's "one message per interval", over every instance: the first claim within the
 * interval wins (Redis `SET NX PX`, so two posts sent at once to two instances cannot both pass),
 * later ones learn when the winner wrote.
 */
export interface Cooldown {
  /** Null when claimed; otherwise the time of the claim still running. */
  claim(key: string, now: number, ms: number): Promise<number | null>;
}

export function createCooldown(redis: RedisDeps | null): Cooldown {
  if (redis) {
    return {
      async claim(key, now, ms) {
        const full = `${redis.prefix}chat-cooldown:${key}`;
        const set = await redis.client.set(full, String(now), { NX: true, PX: ms });
        if (set === 'OK') return null;
        const held = await redis.client.get(full);
        // Expired between the two calls: the interval is over, so this post may go.
        return held === null ? null : Number(held);
      },
    };
  }
  const claims = new Map<string, number>();
  return {
    claim(key, now, ms) {
      const held = claims.get(key);
      if (held !== undefined && now - held < ms) return Promise.resolve(held);
      claims.set(key, now);
      if (claims.size > 10_000) for (const [k, at] of claims) if (now - at >= ms) claims.delete(k);
      return Promise.resolve(null);
    },
  };
}
