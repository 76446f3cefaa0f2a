import { emptyReactionCounts, REACTION_KINDS, type ReactionKind } from '@roundtable/shared';
import type { RedisDeps } from '../realtime/redis.js';

/**
 * The meeting's reaction statistics: counts per room and kind, shared by every instance in Redis
 * (or kept in process), never written to the store. They expire a day after the last reaction.
 */
export interface ReactionCounter {
  add(roomId: string, kind: ReactionKind): Promise<void>;
  read(roomId: string): Promise<Record<ReactionKind, number>>;
}

const TTL_SECONDS = 24 * 3600;

export function createReactionCounter(redis: RedisDeps | null): ReactionCounter {
  if (redis) {
    const key = (roomId: string) => `${redis.prefix}reactions:${roomId}`;
    return {
      async add(roomId, kind) {
        await redis.client.multi().hIncrBy(key(roomId), kind, 1).expire(key(roomId), TTL_SECONDS).exec();
      },
      async read(roomId) {
        const stored = await redis.client.hGetAll(key(roomId));
        const counts = emptyReactionCounts();
        for (const kind of REACTION_KINDS) counts[kind] = Number(stored[kind] ?? 0);
        return counts;
      },
    };
  }
  const rooms = new Map<string, Record<ReactionKind, number>>();
  return {
    add(roomId, kind) {
      const counts = rooms.get(roomId) ?? emptyReactionCounts();
      counts[kind] += 1;
      rooms.set(roomId, counts);
      return Promise.resolve();
    },
    read: (roomId) => Promise.resolve({ ...(rooms.get(roomId) ?? emptyReactionCounts()) }),
  };
}
