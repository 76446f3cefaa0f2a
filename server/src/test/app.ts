import { createApp, type App } from '../app.js';
import { ConfigSchema, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { systemClock, type Clock } from '../module.js';
import { closeRedis, connectRedis, type RedisDeps } from '../realtime/redis.js';
import { openStore, type Store, type StoreOptions } from '../store/db.js';
import { freshStoreOptions, TEST_REDIS_URL, uniqueRedisPrefix, type StoreKind } from './stores.js';

export interface TestApp {
  app: App;
  store: Store;
  redis: RedisDeps | null;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Closes the app, then its own Redis connections and store. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  store?: StoreKind;
  /** Reuse a store (several instances over one PostgreSQL database). */
  storeOptions?: StoreOptions;
  /** Connect to the test Redis with this prefix (share it between instances). */
  redisPrefix?: string | true;
  config?: Partial<Record<keyof Config, string>>;
  clock?: Clock;
  /** Log here instead of the default logger (e.g. to assert what an operator would read). */
  logger?: Logger;
}

/** Starts a real app on port 0 against real stores; the same wiring as production. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = ConfigSchema.parse({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DEMO_DATA: 'false',
    HOST: '127.0.0.1',
    ...options.config,
  });
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const storeOptions = options.storeOptions ?? (await freshStoreOptions(options.store ?? 'sqlite'));
  const store = await openStore(storeOptions);
  const redis = options.redisPrefix
    ? await connectRedis(
        TEST_REDIS_URL,
        options.redisPrefix === true ? uniqueRedisPrefix() : options.redisPrefix,
        logger,
      )
    : null;
  const secret = new TextEncoder().encode('test-secret-test-secret-test-secret-!!');
  const app = await createApp({ config, logger, store, redis, clock: options.clock ?? systemClock, secret });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    store,
    redis,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      if (redis) await closeRedis(redis);
      await store.close();
    },
  };
}
