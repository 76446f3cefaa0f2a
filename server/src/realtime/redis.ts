import { createClient } from 'redis';
import type { Logger } from '../logger.js';

/** Longest pause between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2_000;

function createRedisClient(url: string) {
  return createClient({
    url,
    socket: {
      // Forever, with capped backoff: an outage of any length ends with the instance reconnected.
      reconnectStrategy: (retries: number) =>
        Math.min(50 * 2 ** Math.min(retries, 6), MAX_RECONNECT_DELAY_MS),
      connectTimeout: 5_000,
    },
    // A half-open connection (host gone, no RST) is noticed within seconds, not at the next write.
    pingInterval: 5_000,
  });
}
export type RedisClient = ReturnType<typeof createRedisClient>;

/**
 * Redis connections of one instance: `client` for commands and publishing, `subscriber` for
 * subscriptions (a subscribed connection cannot run other commands). `prefix` namespaces every key
 * and channel so several deployments (or parallel tests) can share one Redis.
 */
export interface RedisDeps {
  client: RedisClient;
  subscriber: RedisClient;
  prefix: string;
}

/** True when both connections are up and usable. */
export function isRedisReady(redis: RedisDeps): boolean {
  return redis.client.isReady && redis.subscriber.isReady;
}

/**
 * Creates both connections and connects them. With `wait: false` it returns at once and connects
 * in the background (the server does this so it listens, and says "not ready", while Redis is
 * away); commands issued meanwhile wait in the client's offline queue.
 * Every connection has an 'error' listener (without one an outage ends the process); the first
 * error of an outage is logged as an error, the reconnection attempts after it at debug level.
 */
export async function connectRedis(
  url: string,
  prefix: string,
  logger: Logger,
  { wait = true }: { wait?: boolean } = {},
): Promise<RedisDeps> {
  const client = createRedisClient(url);
  const subscriber = client.duplicate();
  for (const [name, c] of [
    ['client', client],
    ['subscriber', subscriber],
  ] as const) {
    let reported = false;
    c.on('error', (err: unknown) => {
      if (reported) logger.debug({ err, connection: name }, 'redis still unreachable');
      else logger.error({ err, connection: name }, 'redis connection error; reconnecting');
      reported = true;
    });
    c.on('ready', () => {
      if (reported) logger.warn({ connection: name }, 'redis connection restored');
      reported = false;
    });
    c.connect().catch((err: unknown) => logger.error({ err, connection: name }, 'redis connect failed'));
  }
  // PING waits in the offline queue until its connection is up.
  if (wait) await Promise.all([client.ping(), subscriber.ping()]);
  return { client, subscriber, prefix };
}

export async function closeRedis(redis: RedisDeps): Promise<void> {
  await Promise.allSettled(
    [redis.subscriber, redis.client].map((c) => (c.isReady ? c.close() : Promise.resolve(c.destroy()))),
  );
}
