import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendMinutesBlock, minutesPlainText } from '@roundtable/shared';
import type { Store } from '../store/db.js';
import { openFreshStore, STORE_KINDS } from '../test/stores.js';
import {
  appendDocUpdates,
  compactStoredDocument,
  loadStoredDocument,
  readDocReadOnly,
  readStoredState,
  writeDocReadOnly,
} from './persistence.js';

const DOC = 'room-1/minutes';
const at = new Date().toISOString();

/** Types `count` paragraphs, collecting each transaction's update as the server would store it. */
function typedUpdates(count: number, doc = new Y.Doc()): { doc: Y.Doc; updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) appendMinutesBlock(doc, `line ${i}`);
  return { doc, updates };
}

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.each(STORE_KINDS)('document store on %s', (kind) => {
  let store: Store;
  afterEach(async () => {
    await store.close();
  });

  it('loads every appended update back', async () => {
    store = await openFreshStore(kind);
    const { doc, updates } = typedUpdates(30);
    await appendDocUpdates(
      store.db,
      updates.map((update) => ({ docName: DOC, update })),
      at,
      7,
    );
    await appendDocUpdates(
      store.db,
      [{ docName: 'room-1/agenda', update: updates[0] ?? new Uint8Array() }],
      at,
      7,
    );
    const stored = await loadStoredDocument(store.db, DOC);
    expect(stored.snapshot).toBeNull();
    expect(stored.updates).toHaveLength(30);
    expect(minutesPlainText(rebuild(stored))).toBe(minutesPlainText(doc));
  });

  it('compaction keeps the content identical and deletes the rows it folded', async () => {
    store = await openFreshStore(kind);
    const { doc, updates } = typedUpdates(40);
    await appendDocUpdates(
      store.db,
      updates.slice(0, 25).map((update) => ({ docName: DOC, update })),
      at,
      500,
    );
    expect(await compactStoredDocument(store, DOC, at)).toMatchObject({ folded: 25 });
    await appendDocUpdates(
      store.db,
      updates.slice(25).map((update) => ({ docName: DOC, update })),
      at,
      500,
    );
    const beforeSecond = await loadStoredDocument(store.db, DOC);
    expect(beforeSecond.updates).toHaveLength(15);
    expect(minutesPlainText(rebuild(beforeSecond))).toBe(minutesPlainText(doc));

    await compactStoredDocument(store, DOC, at);
    const after = await loadStoredDocument(store.db, DOC);
    expect(after.updates).toHaveLength(0);
    expect(minutesPlainText(rebuild(after))).toBe(minutesPlainText(doc));
    const snapshot = await store.db
      .selectFrom('doc_snapshots')
      .selectAll()
      .where('doc_name', '=', DOC)
      .executeTakeFirst();
    const maxSeq = await store.db
      .selectFrom('doc_updates')
      .select(sql<number>`max(seq)`.as('max'))
      .executeTakeFirst();
    expect(snapshot?.covered_seq).toBeGreaterThanOrEqual(40);
    expect(maxSeq?.max ?? null).toBeNull();
    expect(await compactStoredDocument(store, DOC, at)).toBeNull();
  });

  it('loads a row that is below the covered sequence but was never folded', async () => {
    store = await openFreshStore(kind);
    const { doc, updates } = typedUpdates(3);
    await appendDocUpdates(store.db, [{ docName: DOC, update: updates[1] ?? new Uint8Array() }], at, 500);
    await appendDocUpdates(store.db, [{ docName: DOC, update: updates[2] ?? new Uint8Array() }], at, 500);
    await compactStoredDocument(store, DOC, at);
    // A row whose sequence number was taken before the compaction but committed after it.
    await store.db
      .insertInto('doc_updates')
      .values({ seq: 1, doc_name: DOC, update: Buffer.from(updates[0] ?? []), created_at: at })
      .execute();
    expect(minutesPlainText(rebuild(await loadStoredDocument(store.db, DOC)))).toBe(minutesPlainText(doc));
  });

  it('never loses an update when compactions and appends race', async () => {
    store = await openFreshStore(kind);
    const { doc, updates } = typedUpdates(60);
    const appends = updates.map((update) => appendDocUpdates(store.db, [{ docName: DOC, update }], at, 500));
    const compactions = [0, 1, 2, 3].map(() => compactStoredDocument(store, DOC, at));
    await Promise.all([...appends, ...compactions]);
    expect(minutesPlainText(rebuildFrom(await readStoredState(store.db, DOC)))).toBe(minutesPlainText(doc));
  });

  it('keeps the read-only flag per document', async () => {
    store = await openFreshStore(kind);
    const minutes = { roomId: 'room-1', kind: 'minutes' } as const;
    const agenda = { roomId: 'room-1', kind: 'agenda' } as const;
    expect(await readDocReadOnly(store.db, minutes)).toBe(false);
    await writeDocReadOnly(store.db, minutes, true, at);
    expect(await readDocReadOnly(store.db, minutes)).toBe(true);
    expect(await readDocReadOnly(store.db, agenda)).toBe(false);
    await writeDocReadOnly(store.db, minutes, false, at);
    expect(await readDocReadOnly(store.db, minutes)).toBe(false);
  });
});

function rebuildFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}
