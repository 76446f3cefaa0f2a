import type { RedisDeps } from '../realtime/redis.js';

/** Where the live state of a room sits: Redis (shared by every instance) or this process. */
export interface StateBackend {
  /**
   * The stored version, and the state's JSON unless it is `knownVersion` (the caller's cache is
   * then current and the JSON is not transferred). Null when nothing is stored.
   */
  read(roomId: string, knownVersion: number | null): Promise<{ version: number; json: string | null } | null>;
  /** Stores `json` at `version` only when nothing is stored yet (reseeding after a Redis flush). */
  seed(roomId: string, json: string, version: number): Promise<void>;
  /** Writes `json` at `version` only if the stored version is still `expected` (absent counts as 0). */
  compareAndSet(roomId: string, expected: number, json: string, version: number): Promise<boolean>;
}

// One round trip; the state is sent only when the caller's cached version is stale.
const READ = `
local v = redis.call('HGET', KEYS[1], 'version')
if not v then return nil end
if v == ARGV[1] then return {v} end
return {v, redis.call('HGET', KEYS[1], 'state')}`;

const SEED = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'state', ARGV[2])
return 1`;

// The compare-and-set that keeps two instances from both writing on top of the same version.
const CAS = `
local v = redis.call('HGET', KEYS[1], 'version') or '0'
if v ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
return 1`;

/** Live state in one Redis hash per room (`version`, `state`), changed only through `CAS`. */
export function redisStateBackend(redis: RedisDeps, kind: string): StateBackend {
  const key = (roomId: string) => `${redis.prefix}room-state:${kind}:${roomId}`;
  return {
    async read(roomId, knownVersion) {
      const reply = (await redis.client.eval(READ, {
        keys: [key(roomId)],
        arguments: [knownVersion === null ? '' : String(knownVersion)],
      })) as [string, string?] | null;
      if (!reply) return null;
      return { version: Number(reply[0]), json: reply[1] ?? null };
    },
    async seed(roomId, json, version) {
      await redis.client.eval(SEED, { keys: [key(roomId)], arguments: [String(version), json] });
    },
    async compareAndSet(roomId, expected, json, version) {
      const reply = await redis.client.eval(CAS, {
        keys: [key(roomId)],
        arguments: [String(expected), String(version), json],
      });
      return reply === 1;
    },
  };
}

/** Live state in this process (the embedded single-instance setup). */
export function memoryStateBackend(): StateBackend {
  const rooms = new Map<string, { version: number; json: string }>();
  return {
    read(roomId, knownVersion) {
      const stored = rooms.get(roomId);
      if (!stored) return Promise.resolve(null);
      return Promise.resolve({
        version: stored.version,
        json: stored.version === knownVersion ? null : stored.json,
      });
    },
    seed(roomId, json, version) {
      if (!rooms.has(roomId)) rooms.set(roomId, { version, json });
      return Promise.resolve();
    },
    compareAndSet(roomId, expected, json, version) {
      if ((rooms.get(roomId)?.version ?? 0) !== expected) return Promise.resolve(false);
      rooms.set(roomId, { version, json });
      return Promise.resolve(true);
    },
  };
}
