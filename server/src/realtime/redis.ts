import { createClient } from 'redis';
import type { Logger } from '../logger.js';

function createRedisClient(url: string) {
  return createClient({ url });
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

export async function connectRedis(url: string, prefix: string, logger: Logger): Promise<RedisDeps> {
  const client = createRedisClient(url);
  const subscriber = client.duplicate();
  for (const [name, c] of [
    ['client', client],
    ['subscriber', subscriber],
  ] as const) {
    c.on('error', (err: unknown) => logger.error({ err, connection: name }, 'redis error'));
  }
  await Promise.all([client.connect(), subscriber.connect()]);
  return { client, subscriber, prefix };
}

export async function closeRedis(redis: RedisDeps): Promise<void> {
  await Promise.allSettled([redis.subscriber.quit(), redis.client.quit()]);
}
