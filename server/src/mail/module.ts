import express from 'express';
import { Counter, Gauge } from 'prom-client';
import type { AppModule, ModuleContext } from '../module.js';
import { mountOutboxRoutes } from './routes.js';
import { sweepReminders } from './reminders.js';
import { countOutbox, latestFailures } from './status.js';
import { createSmtpTransport } from './transport.js';
import { createOutboxWorker, type OutboxWorker } from './worker.js';

/** A claim lasts far longer than one send may take (the transport's timeouts add up to < 2 min). */
const LEASE_MS = 10 * 60_000;

/**
 * Outgoing mail: the outbox routes for organizers and, when `SMTP_URL` is set, the worker that
 * delivers the outbox. Without SMTP the messages wait and the console offers them to send by hand.
 */
export function createMailModule(context: ModuleContext): AppModule {
  const { config, store, metrics } = context;
  const router = express.Router();
  mountOutboxRoutes(router, context);

  const attempts = new Counter({
    name: 'roundtable_mail_attempts_total',
    help: 'Delivery attempts by outcome (delivered, retry, failed)',
    labelNames: ['result'],
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'roundtable_mail_outbox_messages',
    help: 'Messages in the outbox by status (every instance sees the same store)',
    labelNames: ['status'],
    registers: [metrics.registry],
    async collect() {
      const counts = await countOutbox(store.db).catch(() => null);
      if (counts) for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });

  let worker: OutboxWorker | null = null;
  const transport = config.SMTP_URL ? createSmtpTransport(config.SMTP_URL) : null;
  if (transport) {
    worker = createOutboxWorker({
      db: store.db,
      transport,
      clock: context.clock,
      logger: context.logger.child({ module: 'mail' }),
      options: {
        from: config.MAIL_FROM,
        pollMs: config.MAIL_POLL_MS,
        retryBaseMs: config.MAIL_RETRY_BASE_SECONDS * 1000,
        maxRetryMs: 3_600_000,
        maxAttempts: config.MAIL_MAX_ATTEMPTS,
        leaseMs: LEASE_MS,
        messageIdHost: new URL(context.publicOrigin()).hostname || 'roundtable',
      },
      onAttempt: (result) => attempts.inc({ result }),
    });
  }

  // Reminders only where the server sends mail itself: nobody sends "starts in 1 hour" by hand.
  let reminderTimer: NodeJS.Timeout | null = null;
  const sweep = () =>
    sweepReminders(
      store.db,
      { origin: context.publicOrigin(), from: config.MAIL_FROM, nowMs: context.clock.now() },
      config.MAIL_REMINDER_MINUTES,
    ).catch((err: unknown) => context.logger.warn({ err }, 'reminder sweep failed'));

  return {
    name: 'mail',
    router,
    start() {
      if (worker) {
        reminderTimer = setInterval(() => void sweep(), config.MAIL_POLL_MS);
        reminderTimer.unref();
      }
      worker?.start();
      return Promise.resolve();
    },
    // Mail trouble never makes an instance unready: it still serves meetings while SMTP is down.
    async readinessDetail() {
      const [counts, failures] = await Promise.all([countOutbox(store.db), latestFailures(store.db)]);
      return {
        smtp: transport ? 'configured' : 'not configured (messages are sent by hand from the console)',
        outbox: counts,
        lastDeliveredAt: worker?.health().lastDeliveredAt ?? null,
        recentFailures: failures,
      };
    },
    async close() {
      if (reminderTimer) clearInterval(reminderTimer);
      await worker?.stop();
      transport?.close();
    },
  };
}
