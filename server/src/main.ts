import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { createApp, type App } from './app.js';
import { loadSigningSecret } from './auth/secret.js';
import { loadConfig, resolveDataDir, type Config } from './config.js';
import { startupHandler } from './http/startup.js';
import { createLogger, type Logger } from './logger.js';
import { systemClock } from './module.js';
import { DependencyHealth } from './observability/health.js';
import { closeRedis, connectRedis, type RedisDeps } from './realtime/redis.js';
import { openStore, type Store, type StoreOptions } from './store/db.js';

const STORE_RETRY_MAX_MS = 5_000;

/**
 * Opens the store (and reads the signing secret from it), retrying with backoff for as long as it
 * takes: an instance started while the database is away waits for it, answering "not ready".
 */
async function openStoreWhenReachable(
  options: StoreOptions,
  config: Config,
  logger: Logger,
  health: DependencyHealth,
  stopping: () => boolean,
): Promise<{ store: Store; secret: Uint8Array } | null> {
  let delay = 250;
  for (let attempt = 1; !stopping(); attempt++) {
    let store: Store | null = null;
    try {
      store = await openStore(options, (err, where) =>
        logger.warn({ err, where }, 'store connection error (the query retries or fails on its own)'),
      );
      const secret = await loadSigningSecret(store, config.SESSION_SECRET);
      return { store, secret };
    } catch (err) {
      await store?.close().catch(() => undefined);
      health.storeUnreachable(err);
      const log = attempt === 1 ? logger.error.bind(logger) : logger.warn.bind(logger);
      log({ err, attempt, retryInMs: delay }, 'the store is unreachable; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, STORE_RETRY_MAX_MS);
    }
  }
  return null;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Starts one instance from the environment and stops it cleanly on SIGTERM/SIGINT. It listens
 * first, then waits for the store and Redis: `/healthz` answers from the first moment, `/readyz`
 * says what is missing until the app is ready.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, config.LOG_FORMAT);
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  const health = new DependencyHealth(
    { logger, now: () => systemClock.now() },
    { redis: Boolean(config.REDIS_URL) },
  );
  const server = http.createServer(startupHandler(health));
  const port = await listen(server, config.PORT, config.HOST);
  logger.info({ port }, 'listening; connecting to the store and Redis');

  let stopping = false;
  let app: App | null = null;
  let store: Store | null = null;
  let redis: RedisDeps | null = null;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      if (app) await app.close();
      else server.close();
      health.close();
      if (redis) await closeRedis(redis);
      if (store) await store.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // Redis first, without waiting: it connects (and reconnects) in the background.
  redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, 'rt:', logger, { wait: false }) : null;
  if (redis) health.attachRedis(redis);
  const opened = await openStoreWhenReachable(
    config.DATABASE_URL
      ? { kind: 'postgres', connectionString: config.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(resolveDataDir(config), 'roundtable.db') },
    config,
    logger,
    health,
    () => stopping,
  );
  if (!opened) return;
  store = opened.store;
  health.attachStore(store);
  app = await createApp({
    config,
    logger,
    store,
    redis,
    clock: systemClock,
    secret: opened.secret,
    health,
    server,
  });
  logger.info(
    {
      port,
      store: store.dialect,
      redis: Boolean(redis),
      instance: crypto.randomUUID().slice(0, 8),
    },
    `Roundtable is listening on ${app.context.publicOrigin()}`,
  );
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad configuration): this is the one place that prints directly.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
