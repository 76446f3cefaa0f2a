import path from 'node:path';
import { z } from 'zod';

const BoolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting, read once from the environment and validated. No other module reads
 * `process.env`; everything else receives a `Config`.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address people reach the app at; used for invitation links and the Origin check. */
  PUBLIC_URL: z.url().optional(),
  /** Directory of the embedded store when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  /** PostgreSQL connection string; when set, the embedded store is not used. */
  DATABASE_URL: z.string().optional(),
  /** Redis connection string; when set, fan-out, presence and the speaking order go through it. */
  REDIS_URL: z.string().optional(),
  /** Secret for session and websocket token signing; generated and kept in DATA_DIR when unset. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** First organizer, created on an empty store when both are set. */
  ORGANIZER_EMAIL: z.email().optional(),
  ORGANIZER_PASSWORD: z.string().min(10).optional(),
  ORGANIZER_NAME: z.string().default('Organizer'),
  /** Create the demo event and series on an empty store. */
  DEMO_DATA: BoolFromEnv.default(true),
  /** `pretty` for people at a terminal (what `pnpm start` uses), `json` for log shippers. */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Directory of the built client; served when it exists. */
  CLIENT_DIST: z.string().optional(),
  /** LiveKit as browsers reach it (ws:// or wss://). */
  LIVEKIT_URL: z.string().optional(),
  /** LiveKit's API as this server reaches it, when that differs (inside docker: http://livekit:7880). */
  LIVEKIT_API_URL: z.string().optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  /**
   * Bearer token `/metrics` requires (`Authorization: Bearer <token>`). Unset: only clients on this
   * machine may scrape it — set it whenever a proxy on the same host forwards public traffic.
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Whether to trust X-Forwarded-* headers (behind a load balancer). */
  TRUST_PROXY: BoolFromEnv.default(false),
  /** Seconds a presence entry lives without a heartbeat from its instance. */
  PRESENCE_TTL_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
  /** Public registrations accepted per IP address within REGISTRATION_RATE_WINDOW_SECONDS. */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  REGISTRATION_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /**
   * Outgoing mail server, e.g. `smtps://user:pass@smtp.example.org:465` or `smtp://localhost:25`.
   * Unset: messages wait in the outbox and organizers send them from the console (mailto/copy).
   */
  SMTP_URL: z.string().optional(),
  /** Sender of every message, e.g. `Roundtable secretariat <secretariat@example.org>`. */
  MAIL_FROM: z.string().default('Roundtable <no-reply@localhost>'),
  /** Minutes before each session that members are reminded (comma-separated; empty for none). */
  MAIL_REMINDER_MINUTES: z
    .string()
    .default('1440,60')
    .transform((v) =>
      v
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean)
        .map(Number),
    )
    .pipe(z.array(z.number().int().min(1).max(43_200))),
  /** First retry after this many seconds; doubles each attempt, at most an hour. */
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).default(30),
  /** Attempts before a message is marked failed for good. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How often the outbox worker looks for due messages. */
  MAIL_POLL_MS: z.coerce.number().int().min(10).default(5000),
  YJS_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().optional(),
  YJS_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().optional(),
  YJS_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().positive().optional(),
  YJS_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().positive().optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The public origin (scheme://host:port) used in links and for the Origin check. */
export function publicOrigin(config: Config, listeningPort: number): string {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin;
  return `http://localhost:${listeningPort}`;
}

export function resolveDataDir(config: Config): string {
  return path.resolve(config.DATA_DIR);
}
