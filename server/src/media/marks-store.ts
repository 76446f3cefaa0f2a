import type { RedisDeps } from '../realtime/redis.js';
import { applySignal, MediaMarkSchema, type MarkResult, type MediaMark, type MediaSignal } from './marks.js';

/** Where media marks live: Redis shared by every instance, or memory for a single instance. */
export interface MarksStore {
  /** Applies a signal atomically against every other instance's writes. */
  apply(roomId: string, personId: string, signal: MediaSignal): Promise<MarkResult>;
  read(roomId: string): Promise<Map<string, MediaMark>>;
  /** Rooms that have (or recently had) someone in their media. */
  rooms(): Promise<string[]>;
  /** Drops marks of people out since before `before`, and the room once nobody is left. */
  prune(roomId: string, before: number): Promise<void>;
}

export function memoryMarksStore(): MarksStore {
  const marks = new Map<string, Map<string, MediaMark>>();
  return {
    apply(roomId, personId, signal) {
      const room = marks.get(roomId) ?? new Map<string, MediaMark>();
      const result = applySignal(room.get(personId), signal);
      if (result) {
        room.set(personId, result.mark);
        marks.set(roomId, room);
      }
      return Promise.resolve(result);
    },
    read(roomId) {
      return Promise.resolve(new Map(marks.get(roomId)));
    },
    rooms() {
      return Promise.resolve([...marks.keys()]);
    },
    prune(roomId, before) {
      const room = marks.get(roomId);
      for (const [personId, mark] of room ?? []) {
        if (!mark.inMedia && mark.at < before) room?.delete(personId);
      }
      if (room?.size === 0) marks.delete(roomId);
      return Promise.resolve();
    },
  };
}

/**
 * Compare-and-set of one field: writes (or deletes, for an empty value) only when the field still
 * holds what the caller read, so the pure rule in marks.ts decides and Redis keeps it atomic.
 */
const CAS_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if (current or '') ~= ARGV[2] then return 0 end
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[4]) end
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  redis.call('SADD', KEYS[2], ARGV[4])
end
return 1
`;

/** Concurrent writers on one person are rare (two webhooks at once); a few rounds settle them. */
const MAX_CAS_ROUNDS = 10;

export function redisMarksStore(redis: RedisDeps): MarksStore {
  const roomKey = (roomId: string): string => `${redis.prefix}media:marks:${roomId}`;
  const roomsKey = `${redis.prefix}media:rooms`;
  const cas = async (roomId: string, personId: string, expected: string, next: string): Promise<boolean> => {
    const reply = await redis.client.eval(CAS_SCRIPT, {
      keys: [roomKey(roomId), roomsKey],
      arguments: [personId, expected, next, roomId],
    });
    return reply === 1;
  };
  const parse = (raw: string): MediaMark | undefined => {
    const parsed = MediaMarkSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    async apply(roomId, personId, signal) {
      for (let round = 0; round < MAX_CAS_ROUNDS; round += 1) {
        const raw = (await redis.client.hGet(roomKey(roomId), personId)) ?? '';
        const result = applySignal(raw ? parse(raw) : undefined, signal);
        if (!result) return null;
        if (await cas(roomId, personId, raw, JSON.stringify(result.mark))) return result;
      }
      throw new Error(`media mark of ${personId} in ${roomId} kept changing under us`);
    },
    async read(roomId) {
      const marks = new Map<string, MediaMark>();
      for (const [personId, raw] of Object.entries(await redis.client.hGetAll(roomKey(roomId)))) {
        const mark = parse(raw);
        if (mark) marks.set(personId, mark);
      }
      return marks;
    },
    rooms() {
      return redis.client.sMembers(roomsKey);
    },
    async prune(roomId, before) {
      const entries = Object.entries(await redis.client.hGetAll(roomKey(roomId)));
      for (const [personId, raw] of entries) {
        const mark = parse(raw);
        if (!mark || (!mark.inMedia && mark.at < before)) await cas(roomId, personId, raw, '');
      }
      if (entries.length === 0) await redis.client.sRem(roomsKey, roomId);
    },
  };
}
