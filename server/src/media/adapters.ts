import type { AppModule } from '../module.js';
import type { RedisDeps } from '../realtime/redis.js';

/*
 * The two modules media depends on, seen through the narrow interfaces media needs. The speaking
 * and presence modules are built beside this one; reading them through these guards keeps media
 * compiling and testable (with fakes) whatever else those modules export.
 */

/** A floor change as the speaking module announces it, once, on the instance that accepted it. */
export interface FloorChange {
  roomId: string;
  personId: string | null;
  previousPersonId: string | null;
  turnId?: string | null;
}

export interface FloorSource {
  /** Subscribes; returns the unsubscribe function. */
  onFloorChange(handler: (change: FloorChange) => void): () => void;
  /** Who holds the floor of `roomId` now, when the speaking module can tell. */
  floorHolder?(roomId: string): Promise<string | null>;
}

export interface MediaPresenceSink {
  setMediaPresence(roomId: string, personId: string, inMedia: boolean): Promise<void> | void;
}

const hasFunction = (value: object, name: string): boolean =>
  typeof (value as Record<string, unknown>)[name] === 'function';

/** The speaking module's floor interface, or null when it is absent or exports none. */
export function floorSourceOf(module: AppModule | undefined): FloorSource | null {
  if (!module || !hasFunction(module, 'onFloorChange')) return null;
  return module as AppModule & FloorSource;
}

/** The presence module's media sink, or null when it is absent or exports none. */
export function presenceSinkOf(module: AppModule | undefined): MediaPresenceSink | null {
  if (!module || !hasFunction(module, 'setMediaPresence')) return null;
  return module as AppModule & MediaPresenceSink;
}

/**
 * The last floor holder media saw per room, shared by every instance. Floor changes fire on one
 * instance only, while a token for the holder may be asked of any instance.
 */
export interface FloorLedger {
  record(roomId: string, personId: string | null): Promise<void>;
  holder(roomId: string): Promise<string | null>;
}

/** A held floor outlives no meeting; the key expires so abandoned rooms leave nothing behind. */
const LEDGER_TTL_SECONDS = 24 * 60 * 60;

export function floorLedger(redis: RedisDeps | null): FloorLedger {
  if (!redis) {
    const holders = new Map<string, string>();
    return {
      record(roomId, personId) {
        if (personId) holders.set(roomId, personId);
        else holders.delete(roomId);
        return Promise.resolve();
      },
      holder: (roomId) => Promise.resolve(holders.get(roomId) ?? null),
    };
  }
  const key = (roomId: string): string => `${redis.prefix}media:floor:${roomId}`;
  return {
    async record(roomId, personId) {
      if (personId) await redis.client.set(key(roomId), personId, { EX: LEDGER_TTL_SECONDS });
      else await redis.client.del(key(roomId));
    },
    holder: (roomId) => redis.client.get(key(roomId)),
  };
}

/** Asks the speaking module when it can tell, else what media last saw. */
export function currentFloorHolder(
  source: FloorSource | null,
  ledger: FloorLedger,
): (roomId: string) => Promise<string | null> {
  return (roomId) => (source?.floorHolder ? source.floorHolder(roomId) : ledger.holder(roomId));
}
