import { sql } from 'kysely';
import * as Y from 'yjs';
import type { DocAddress } from '@roundtable/shared';
import type { Db, Store } from '../store/db.js';

/*
 * The document store: an append-only update log (`doc_updates`) folded now and then into one
 * snapshot per document (`doc_snapshots`).
 *
 * Loading reads the snapshot plus *every* remaining log row of the document, not only rows above
 * `covered_seq`. On PostgreSQL a sequence value is taken at insert but becomes visible at commit,
 * so a row with a lower seq can commit after a compaction already covered a higher one; it was not
 * folded (compaction deletes exactly the rows it read), so it must still be loaded. Yjs updates are
 * idempotent and commutative, so order and overlap never matter.
 */

/** What the store holds for one document. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** Binds as a blob/bytea on both drivers without copying. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function loadStoredDocument(db: Db, docName: string): Promise<StoredDocument> {
  const [snapshot, rows] = await Promise.all([
    db.selectFrom('doc_snapshots').select('state').where('doc_name', '=', docName).executeTakeFirst(),
    db.selectFrom('doc_updates').select('update').where('doc_name', '=', docName).orderBy('seq').execute(),
  ]);
  return { snapshot: snapshot?.state ?? null, updates: rows.map((r) => r.update) };
}

/** Appends updates of any documents with one multi-row insert per `maxRows` rows. */
export async function appendDocUpdates(
  db: Db,
  rows: ReadonlyArray<{ docName: string; update: Uint8Array }>,
  createdAt: string,
  maxRows: number,
): Promise<void> {
  for (const chunk of chunks(rows, maxRows)) {
    await db
      .insertInto('doc_updates')
      .values(chunk.map((r) => ({ doc_name: r.docName, update: asBuffer(r.update), created_at: createdAt })))
      .execute();
  }
}

export interface Compaction {
  /** Log rows folded into the snapshot (and deleted). */
  folded: number;
  /** Size of the new snapshot. */
  snapshotBytes: number;
}

/**
 * One update holding the state of `parts`, with deleted content dropped: applied to a Y.Doc with
 * garbage collection on and encoded again, deleted text keeps only its ids and lengths (what
 * convergence needs), where `Y.mergeUpdates` would keep every deleted letter and every block a
 * version restore replaced. Updates whose dependencies are missing stay pending in the result.
 */
export function foldUpdates(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.transact(doc, () => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Folds the document's log into its snapshot in one transaction: the snapshot and the covered rows
 * are read, folded with `foldUpdates` (deleted content dropped) and written back, and exactly
 * those rows are deleted.
 * Only stored data is merged, never an instance's memory, so a snapshot can never go back in time.
 * On PostgreSQL a per-document advisory lock serializes compactions from several instances
 * (two compactions reading the same old snapshot would each drop what the other folded).
 */
export async function compactStoredDocument(
  store: Store,
  docName: string,
  at: string,
): Promise<Compaction | null> {
  return store.transaction(async (tx) => {
    if (store.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`doc:${docName}`}, 0))`.execute(tx);
    }
    const snapshot = await tx
      .selectFrom('doc_snapshots')
      .select(['state', 'covered_seq'])
      .where('doc_name', '=', docName)
      .executeTakeFirst();
    const rows = await tx
      .selectFrom('doc_updates')
      .select(['seq', 'update'])
      .where('doc_name', '=', docName)
      .orderBy('seq')
      .execute();
    if (rows.length === 0) return null;
    const parts = rows.map((r) => r.update);
    const merged = foldUpdates(snapshot ? [snapshot.state, ...parts] : parts);
    const coveredSeq = Math.max(snapshot?.covered_seq ?? 0, ...rows.map((r) => r.seq));
    await tx
      .insertInto('doc_snapshots')
      .values({ doc_name: docName, state: asBuffer(merged), covered_seq: coveredSeq, updated_at: at })
      .onConflict((oc) =>
        oc
          .column('doc_name')
          .doUpdateSet({ state: asBuffer(merged), covered_seq: coveredSeq, updated_at: at }),
      )
      .execute();
    for (const chunk of chunks(rows, 500)) {
      await tx
        .deleteFrom('doc_updates')
        .where('doc_name', '=', docName)
        .where(
          'seq',
          'in',
          chunk.map((r) => r.seq),
        )
        .execute();
    }
    return { folded: rows.length, snapshotBytes: merged.length };
  });
}

/** The whole stored state of a document as one update (empty document when nothing is stored). */
export async function readStoredState(db: Db, docName: string): Promise<Uint8Array> {
  const stored = await loadStoredDocument(db, docName);
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  return parts.length > 0 ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc());
}

/** The read-only flag lives in `room_state` (server-owned per-room state), one row per document. */
const readOnlyKind = (address: DocAddress): string => `yjs-read-only:${address.kind}`;

export async function readDocReadOnly(db: Db, address: DocAddress): Promise<boolean> {
  const row = await db
    .selectFrom('room_state')
    .select('state')
    .where('room_id', '=', address.roomId)
    .where('kind', '=', readOnlyKind(address))
    .executeTakeFirst();
  return row ? (JSON.parse(row.state) as { readOnly?: unknown }).readOnly === true : false;
}

export async function writeDocReadOnly(
  db: Db,
  address: DocAddress,
  readOnly: boolean,
  at: string,
): Promise<void> {
  const state = JSON.stringify({ readOnly });
  await db
    .insertInto('room_state')
    .values({ room_id: address.roomId, kind: readOnlyKind(address), state, version: 1, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['room_id', 'kind']).doUpdateSet({
        state,
        version: sql<number>`room_state.version + 1`,
        updated_at: at,
      }),
    )
    .execute();
}
