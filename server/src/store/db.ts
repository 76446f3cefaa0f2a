import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

/** Where the store reports connection errors it survived (the process carries on). */
export type StoreErrorReporter = (err: unknown, where: 'pool' | 'client') => void;

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** The durable store: one typed query interface over either backend. */
export interface Store {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreOptions =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      connectionString: string;
      maxConnections?: number;
      /** How long to wait for a new connection before failing the query (default 5 s). */
      connectTimeoutMs?: number;
      /** Longest a single statement may run before the driver gives up (default 60 s). */
      queryTimeoutMs?: number;
    };

// int8 (bigserial sequence numbers) as numbers: they stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Opens the store and brings its schema up to date (migrations take a lock on PostgreSQL). */
export async function openStore(
  options: StoreOptions,
  onError: StoreErrorReporter = () => undefined,
): Promise<Store> {
  let db: Db;
  if (options.kind === 'sqlite') {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const sqlite = new SQLite(options.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // A stopped or unreachable database fails queries within seconds instead of queueing them.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      query_timeout: options.queryTimeoutMs ?? 60_000,
      keepAlive: true,
    });
    guardPoolErrors(pool, onError);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dialect: Dialect = options.kind;
  try {
    await migrateToLatest(db, dialect);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return {
    db,
    dialect,
    transaction: (fn) => db.transaction().execute(fn),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * A PostgreSQL restart or a dropped connection emits 'error' on the pool (idle clients) and on the
 * client that was running a query; without listeners either event ends the process. The query
 * itself still rejects and its caller handles that; the broken client is discarded by the pool.
 */
function guardPoolErrors(pool: pg.Pool, onError: StoreErrorReporter): void {
  pool.on('error', (err) => onError(err, 'pool'));
  pool.on('connect', (client) => {
    client.on('error', (err) => onError(err, 'client'));
  });
}

const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * True when `err` says the store cannot be reached right now (refused or dropped connection,
 * timeout, server shutting down or starting) rather than that the query itself was wrong.
 */
export function isStoreUnavailableError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNAVAILABLE_NODE_CODES.has(code)) return true;
      // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up).
      if (/^08...$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
    }
    if (
      /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isStoreUnavailableError(inner))) return true;
    e = e.cause;
  }
  return false;
}

async function migrateToLatest(db: Db, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(dialect)) },
    // Migration numbers are handed out to parallel branches: a store that already ran a later
    // number must still take an earlier one that lands after it.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Current time as stored: ISO-8601 UTC. */
export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}

/** Decodes a stored 0/1 boolean. */
export const bool = (v: number): boolean => v === 1;
/** Encodes a boolean for storage. */
export const int = (v: boolean): number => (v ? 1 : 0);
