import crypto from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Clock } from '../module.js';
import type { Db } from '../store/db.js';
import { attachmentsOf, type OutboxRow } from './outbox.js';
import { SendFailure, type MailTransport } from './transport.js';

/*
 * The outbox worker: every instance runs one; each message is sent by exactly one of them.
 *
 * A message is claimed with one conditional UPDATE (pending and due, or sending with an expired
 * lease → sending, leased to this worker). PostgreSQL re-checks the condition on the row after a
 * concurrent claim commits and SQLite serializes writers, so of two instances claiming one row,
 * exactly one sees a row updated. The lease outlives the transport's timeouts, so a claim is
 * only taken over from an instance that died mid-send. Outcomes are written only while this
 * worker still holds the claim.
 */

/** Tuning, from the configuration (tests shorten it). */
export interface WorkerOptions {
  from: string;
  pollMs: number;
  /** First retry delay; doubles per attempt up to `maxRetryMs`. */
  retryBaseMs: number;
  maxRetryMs: number;
  maxAttempts: number;
  /** How long a claim holds: longer than one send can take. */
  leaseMs: number;
  /** Host part of each message's Message-ID. */
  messageIdHost: string;
}

/** What the worker has seen lately, for `/readyz` detail and metrics. */
export interface WorkerHealth {
  lastDeliveredAt: string | null;
  lastFailure: { at: string; message: string; smtpResponse: string | null } | null;
}

/** One attempt's outcome, for metrics. */
export type AttemptResult = 'delivered' | 'retry' | 'failed';

export interface OutboxWorker {
  start(): void;
  /** Sends every due message now (the poll calls this); resolves with how many were attempted. */
  runOnce(): Promise<number>;
  health(): WorkerHealth;
  /** Stops polling and waits for the attempt in flight. */
  stop(): Promise<void>;
}

const BATCH = 20;

/** Delay before attempt `attempts + 1`: base × 2^(attempts-1), capped. */
export function retryDelayMs(
  attempts: number,
  options: Pick<WorkerOptions, 'retryBaseMs' | 'maxRetryMs'>,
): number {
  return Math.min(options.retryBaseMs * 2 ** Math.max(0, attempts - 1), options.maxRetryMs);
}

export function createOutboxWorker(deps: {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  logger: Logger;
  options: WorkerOptions;
  onAttempt?: (result: AttemptResult) => void;
}): OutboxWorker {
  const { db, transport, clock, logger, options } = deps;
  const claimant = crypto.randomUUID();
  const health: WorkerHealth = { lastDeliveredAt: null, lastFailure: null };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;
  const iso = (ms: number) => new Date(ms).toISOString();

  const dueIds = async (now: string): Promise<string[]> => {
    const rows = await db
      .selectFrom('outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    return rows.map((r) => r.id);
  };

  const claim = async (id: string, nowMs: number): Promise<OutboxRow | null> => {
    const now = iso(nowMs);
    const claimed = await db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending',
        claimant,
        lease_until: iso(nowMs + options.leaseMs),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
        ]),
      )
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) return null;
    return (
      (await db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', id)
        .where('claimant', '=', claimant)
        .executeTakeFirst()) ?? null
    );
  };

  const settle = async (id: string, values: Partial<OutboxRow>): Promise<void> => {
    await db
      .updateTable('outbox')
      .set({ ...values, claimant: null, lease_until: null })
      .where('id', '=', id)
      .where('claimant', '=', claimant)
      .where('status', '=', 'sending')
      .execute();
  };

  const attempt = async (row: OutboxRow): Promise<void> => {
    try {
      const result = await transport.send({
        messageId: `<${row.id}@${options.messageIdHost}>`,
        from: options.from,
        to: { name: row.to_name, address: row.to_address },
        subject: row.subject,
        text: row.text,
        html: row.html,
        attachments: attachmentsOf(row),
      });
      const at = iso(clock.now());
      await settle(row.id, {
        status: 'delivered',
        smtp_response: result.response,
        last_error: null,
        sent_at: at,
      });
      health.lastDeliveredAt = at;
      deps.onAttempt?.('delivered');
    } catch (err) {
      const failure = err instanceof SendFailure ? err : new SendFailure(String(err), null, false);
      const nowMs = clock.now();
      const final = failure.permanent || row.attempts >= options.maxAttempts;
      await settle(row.id, {
        status: final ? 'failed' : 'pending',
        last_error: failure.message.slice(0, 1000),
        smtp_response: failure.smtpResponse?.slice(0, 1000) ?? null,
        next_attempt_at: iso(nowMs + retryDelayMs(row.attempts, options)),
      });
      health.lastFailure = { at: iso(nowMs), message: failure.message, smtpResponse: failure.smtpResponse };
      deps.onAttempt?.(final ? 'failed' : 'retry');
      logger.warn(
        { outboxId: row.id, attempts: row.attempts, final, err: failure.message, smtp: failure.smtpResponse },
        'mail not delivered',
      );
    }
  };

  const runBatches = async (): Promise<number> => {
    let attempted = 0;
    // A message that fails goes back with a later due time, so this loop ends.
    for (;;) {
      const ids = await dueIds(iso(clock.now()));
      let claimedAny = false;
      for (const id of ids) {
        if (stopped) return attempted;
        const row = await claim(id, clock.now());
        if (!row) continue; // another instance has it
        claimedAny = true;
        attempted += 1;
        await attempt(row);
      }
      if (!claimedAny || ids.length < BATCH) return attempted;
    }
  };

  const runOnce = (): Promise<number> => {
    running ??= runBatches().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => logger.error({ err }, 'outbox worker run failed'))
        .finally(schedule);
    }, options.pollMs);
    timer.unref();
  };

  return {
    start: schedule,
    runOnce,
    health: () => ({ ...health }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
