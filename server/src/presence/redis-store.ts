import { z } from 'zod';
import type { RedisClient } from '../realtime/redis.js';
import {
  applyPresenceOp,
  connectionField,
  instanceFieldPrefix,
  mediaField,
  type PresenceOp,
  type RoomFields,
} from './core.js';
import { qualifyOp, type PresenceChange, type PresenceStore } from './store.js';

/**
 * One script per change so reading the state before it and writing it are atomic across
 * instances: whoever's script removes a person's last connection is the one that announces the leave.
 * Mirrors `fieldWrites` in core.ts (the shared store suite checks both agree).
 * KEYS: room hash, rooms-of set of the writing instance. ARGV: mode, field, value, roomId.
 */
const APPLY_SCRIPT = `
local before = redis.call('HGETALL', KEYS[1])
local mode, field = ARGV[1], ARGV[2]
local changed = false
if mode == 'set' then
  redis.call('HSET', KEYS[1], field, ARGV[3])
  redis.call('SADD', KEYS[2], ARGV[4])
  changed = true
elseif mode == 'setnx' then
  changed = redis.call('HSETNX', KEYS[1], field, ARGV[3]) == 1
elseif mode == 'del' then
  changed = redis.call('HDEL', KEYS[1], field) == 1
elseif mode == 'delprefix' then
  for i = 1, #before, 2 do
    if string.sub(before[i], 1, #field) == field then
      redis.call('HDEL', KEYS[1], before[i])
      changed = true
    end
  end
end
if changed then redis.call('HINCRBY', KEYS[1], 'v', 1) end
return before
`;

/** KEYS: alive key, instances set. ARGV: instanceId, ttl ms. Returns 1 when still registered. */
const HEARTBEAT_SCRIPT = `
local known = redis.call('SISMEMBER', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
return known
`;

const FlatHashSchema = z.array(z.string());

export interface RedisPresenceStoreOptions {
  client: RedisClient;
  /** Namespace of every key (the deployment's Redis prefix). */
  prefix: string;
  instanceId: string;
  ttlMs: number;
}

/** Presence shared by every instance through Redis; see `PresenceStore` for the contract. */
export function createRedisPresenceStore(options: RedisPresenceStoreOptions): PresenceStore {
  const { client, instanceId, ttlMs } = options;
  const base = `${options.prefix}presence:`;
  const keys = {
    room: (roomId: string) => `${base}room:${roomId}`,
    alive: (id: string) => `${base}alive:${id}`,
    roomsOf: (id: string) => `${base}rooms-of:${id}`,
    instances: `${base}instances`,
  };
  let registered = false;

  const applyOp = async (roomId: string, op: PresenceOp, writer: string): Promise<PresenceChange> => {
    const [mode, field, value] = scriptArguments(op);
    const reply = await client.eval(APPLY_SCRIPT, {
      keys: [keys.room(roomId), keys.roomsOf(writer)],
      arguments: [mode, field, value, roomId],
    });
    const before = toFields(FlatHashSchema.parse(reply));
    return { roomId, before, after: applyPresenceOp(before, op) };
  };

  return {
    instanceId,
    apply: (roomId, op) => applyOp(roomId, qualifyOp(instanceId, op), instanceId),
    async read(roomId) {
      return new Map(Object.entries(await client.hGetAll(keys.room(roomId))));
    },
    async heartbeat() {
      const known = await client.eval(HEARTBEAT_SCRIPT, {
        keys: [keys.alive(instanceId), keys.instances],
        arguments: [instanceId, String(ttlMs)],
      });
      const result = registered && known === 0 ? 'swept' : 'alive';
      registered = true;
      return result;
    },
    async sweep() {
      const changes: PresenceChange[] = [];
      for (const deadId of await client.sMembers(keys.instances)) {
        if (deadId === instanceId || (await client.exists(keys.alive(deadId))) === 1) continue;
        for (const roomId of await client.sMembers(keys.roomsOf(deadId))) {
          // Several instances may sweep the same corpse: the script makes only one of them see the
          // connections disappear, so each leave is announced once.
          changes.push(await applyOp(roomId, { kind: 'remove-instance', instanceId: deadId }, deadId));
        }
        await client.del(keys.roomsOf(deadId));
        await client.sRem(keys.instances, deadId);
      }
      return changes;
    },
    async close() {
      await client.sRem(keys.instances, instanceId);
      await client.del([keys.alive(instanceId), keys.roomsOf(instanceId)]);
    },
  };
}

function scriptArguments(op: PresenceOp): [string, string, string] {
  switch (op.kind) {
    case 'add':
      return ['set', connectionField(op.connectionId), JSON.stringify(op.record)];
    case 'remove':
      return ['del', connectionField(op.connectionId), ''];
    case 'media':
      return [op.inMedia ? 'setnx' : 'del', mediaField(op.personId), '1'];
    case 'remove-instance':
      return ['delprefix', instanceFieldPrefix(op.instanceId), ''];
  }
}

function toFields(flat: string[]): RoomFields {
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i] as string, flat[i + 1] as string);
  return fields;
}
