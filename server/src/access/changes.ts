import { EventEmitter } from 'node:events';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { RedisDeps } from '../realtime/redis.js';

/**
 * What changed about access: these people (their roles, membership or session), or everyone in
 * these rooms (the room's rule changed). Live connections of the affected people re-authorize.
 */
export const AccessChangeSchema = z.object({
  personIds: z.array(z.string()).default([]),
  roomIds: z.array(z.string()).default([]),
});
export type AccessChange = z.input<typeof AccessChangeSchema>;
type ParsedAccessChange = z.infer<typeof AccessChangeSchema>;

/** Publishes access changes to every instance (through Redis when configured). */
export interface AccessChanges {
  notify(change: AccessChange): Promise<void>;
  /** Subscribes; returns the unsubscribe function. */
  onChange(handler: (change: ParsedAccessChange) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'access-changes';

export async function createAccessChanges(redis: RedisDeps | null, logger: Logger): Promise<AccessChanges> {
  const local = new EventEmitter();
  const channel = `${redis?.prefix ?? ''}${CHANNEL}`;
  const deliver = (raw: string): void => {
    try {
      local.emit('change', AccessChangeSchema.parse(JSON.parse(raw)));
    } catch (err) {
      logger.warn({ err }, 'ignored a malformed access change message');
    }
  };
  if (redis) await redis.subscriber.subscribe(channel, deliver);
  return {
    async notify(change) {
      const message = JSON.stringify(AccessChangeSchema.parse(change));
      if (redis) await redis.client.publish(channel, message);
      else deliver(message);
    },
    onChange(handler) {
      local.on('change', handler);
      return () => local.off('change', handler);
    },
    async close() {
      local.removeAllListeners();
      if (redis) await redis.subscriber.unsubscribe(channel);
    },
  };
}
