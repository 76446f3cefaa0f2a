import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../store/db.js';

/** PostgreSQL server the integration tests use (a fresh database per store). */
export const TEST_PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Redis server the integration tests use (a fresh key prefix per test). */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

/** Options for a brand-new, empty store of the given kind. */
export async function freshStoreOptions(kind: StoreKind): Promise<StoreOptions> {
  const id = crypto.randomBytes(6).toString('hex');
  if (kind === 'sqlite') {
    return { kind: 'sqlite', file: path.join(os.tmpdir(), `roundtable-test-${id}`, 'rt.db') };
  }
  const name = `rt_test_${id}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return { kind: 'postgres', connectionString: url.toString() };
}

/** Opens a brand-new, empty, migrated store of the given kind. */
export async function openFreshStore(kind: StoreKind): Promise<Store> {
  return openStore(await freshStoreOptions(kind));
}

/** A unique prefix for Redis keys and channels so parallel tests never meet. */
export function uniqueRedisPrefix(): string {
  return `rt-test-${crypto.randomBytes(6).toString('hex')}:`;
}
