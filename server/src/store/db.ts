import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

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
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; connectionString: string; maxConnections?: number };

// int8 (bigserial sequence numbers) as numbers: they stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Opens the store and brings its schema up to date (migrations take a lock on PostgreSQL). */
export async function openStore(options: StoreOptions): Promise<Store> {
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
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dialect: Dialect = options.kind;
  await migrateToLatest(db, dialect);
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

async function migrateToLatest(db: Db, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(dialect)) },
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
