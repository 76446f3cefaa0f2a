import crypto from 'node:crypto';
import path from 'node:path';
import { createApp } from './app.js';
import { loadSigningSecret } from './auth/secret.js';
import { loadConfig, resolveDataDir } from './config.js';
import { createLogger } from './logger.js';
import { systemClock } from './module.js';
import { closeRedis, connectRedis } from './realtime/redis.js';
import { openStore } from './store/db.js';

/** Starts one instance from the environment and stops it cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, config.LOG_FORMAT);
  const store = await openStore(
    config.DATABASE_URL
      ? { kind: 'postgres', connectionString: config.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(resolveDataDir(config), 'roundtable.db') },
  );
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, 'rt:', logger) : null;
  const secret = await loadSigningSecret(store, config.SESSION_SECRET);
  const app = await createApp({ config, logger, store, redis, clock: systemClock, secret });
  const port = await app.listen(config.PORT, config.HOST);
  logger.info(
    {
      port,
      store: store.dialect,
      redis: Boolean(redis),
      instance: crypto.randomUUID().slice(0, 8),
    },
    `Roundtable is listening on ${app.context.publicOrigin()}`,
  );

  let stopping = false;
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
      await app.close();
      if (redis) await closeRedis(redis);
      await store.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad configuration): this is the one place that prints directly.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
