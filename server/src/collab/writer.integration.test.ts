import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createMetrics } from '../observability/metrics.js';
import type { Store } from '../store/db.js';
import { openFreshStore } from '../test/stores.js';
import { loadStoredDocument } from './persistence.js';
import { UpdateWriter } from './writer.js';

describe('update writer', () => {
  let store: Store;
  afterEach(async () => {
    await store.close();
  });

  function setup() {
    const metrics = createMetrics();
    const stored: string[] = [];
    const drained: string[] = [];
    const writer = new UpdateWriter({
      store,
      logger: createLogger('silent'),
      metrics,
      clock: Date.now,
      maxRowsPerInsert: 3,
      retryInitialMs: 10,
      retryMaxMs: 40,
      onStored: (docName, updates) => stored.push(...updates.map((u) => `${docName}:${u[0]}`)),
      onDrained: (docName) => drained.push(docName),
    });
    return { writer, metrics, stored, drained };
  }

  it('stores every enqueued update, in batches, and reports each document drained', async () => {
    store = await openFreshStore('sqlite');
    const { writer, stored, drained } = setup();
    for (let i = 0; i < 7; i++) writer.enqueue(i % 2 ? 'a/minutes' : 'b/minutes', new Uint8Array([i]));
    expect(writer.pendingCount('a/minutes')).toBe(3);
    await writer.flush();
    expect(stored).toHaveLength(7);
    expect((await loadStoredDocument(store.db, 'a/minutes')).updates.map((u) => u[0])).toEqual([1, 3, 5]);
    expect((await loadStoredDocument(store.db, 'b/minutes')).updates.map((u) => u[0])).toEqual([0, 2, 4, 6]);
    expect(new Set(drained)).toEqual(new Set(['a/minutes', 'b/minutes']));
    expect(writer.pendingCount('a/minutes')).toBe(0);
  });

  it('reports a failing store, keeps the updates pending and stores them once it recovers', async () => {
    store = await openFreshStore('sqlite');
    const { writer, metrics, stored } = setup();
    await sql`alter table doc_updates rename to doc_updates_away`.execute(store.db);
    writer.enqueue('a/minutes', new Uint8Array([1]));
    writer.enqueue('a/minutes', new Uint8Array([2]));
    await expect.poll(() => writer.readiness()).toMatch(/storing document updates failed/);
    await expect
      .poll(async () => (await metrics.storeWriteFailures.get()).values[0]?.value ?? 0)
      .toBeGreaterThan(1);
    expect(writer.pendingCount('a/minutes')).toBe(2);
    expect(stored).toEqual([]);

    await sql`alter table doc_updates_away rename to doc_updates`.execute(store.db);
    await writer.flush();
    expect(writer.readiness()).toBeNull();
    expect((await loadStoredDocument(store.db, 'a/minutes')).updates.map((u) => u[0])).toEqual([1, 2]);
    expect(stored).toEqual(['a/minutes:1', 'a/minutes:2']);
  });

  it('on close, stores what is pending', async () => {
    store = await openFreshStore('sqlite');
    const { writer } = setup();
    writer.enqueue('a/minutes', new Uint8Array([9]));
    await writer.close(5_000);
    expect((await loadStoredDocument(store.db, 'a/minutes')).updates).toHaveLength(1);
  });
});
