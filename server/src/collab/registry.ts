import { once } from 'node:events';
import { WebSocket } from 'ws';
import { CloseCode, docName as nameOf, type DocAddress } from '@roundtable/shared';
import type { Logger } from '../logger.js';
import { nowIso, type Store } from '../store/db.js';
import { CollabDocument, type DocumentDeps } from './document.js';
import type { Fanout } from './fanout.js';
import { compactStoredDocument, loadStoredDocument, readDocReadOnly } from './persistence.js';
import type { UpdateWriter } from './writer.js';

export interface RegistryDeps {
  store: Store;
  fanout: Fanout;
  writer: UpdateWriter;
  logger: Logger;
  documentDeps: DocumentDeps;
  compactAfterUpdates: number;
  onLoadFailure(): void;
  onCompactionFailure(): void;
  onCountChange(documents: number): void;
}

const COMPACTION_RETRY_MS = 5_000;

/**
 * The documents this instance holds, and their lifecycle: load on first use (subscribe to other
 * instances first), evict when the last connection and holder are gone and every accepted update
 * is stored, compact in the background.
 */
export class DocumentRegistry {
  private readonly docs = new Map<string, CollabDocument>();
  private readonly compactions = new Map<string, Promise<void>>();
  private readonly compactionFailedAt = new Map<string, number>();

  constructor(private readonly deps: RegistryDeps) {}

  get(name: string): CollabDocument | undefined {
    return this.docs.get(name);
  }

  values(): IterableIterator<CollabDocument> {
    return this.docs.values();
  }

  /** The loaded or loading document; starts loading it when absent. */
  open(address: DocAddress): CollabDocument {
    const name = nameOf(address.roomId, address.kind);
    const existing = this.docs.get(name);
    if (existing) return existing;
    const doc = new CollabDocument(name, address, this.deps.documentDeps);
    this.docs.set(name, doc);
    this.deps.onCountChange(this.docs.size);
    void this.load(doc);
    return doc;
  }

  private async load(doc: CollabDocument): Promise<void> {
    try {
      // Subscribe, then read the update stream, then the store: an update another instance accepts
      // from now on is delivered (queued by the document until it is loaded); one it accepted
      // before is in the stream, or it left the stream because it was stored before the store read.
      await this.deps.fanout.subscribeDoc(doc.name, (message) => doc.applyRemote(message));
      const epoch = doc.readOnlyEpoch;
      const unstored = await this.deps.fanout.readUnstored(doc.name);
      const [stored, readOnly] = await Promise.all([
        loadStoredDocument(this.deps.store.db, doc.name),
        readDocReadOnly(this.deps.store.db, doc.address),
      ]);
      doc.load(stored, epoch === doc.readOnlyEpoch ? readOnly : null);
      if (unstored.length > 0) doc.applyRemote({ kind: 'updates', instanceId: '', updates: unstored });
      if (stored.updates.length >= this.deps.compactAfterUpdates) this.compact(doc);
    } catch (err) {
      this.deps.logger.error({ err, doc: doc.name }, 'loading a document failed');
      this.deps.onLoadFailure();
      doc.fail();
      this.remove(doc);
      return;
    }
    this.release(doc);
  }

  /**
   * Catches every loaded document up after Redis messages may have been missed: first with its
   * update stream (accepted elsewhere, maybe not stored), then with the store (entries leave the
   * stream only once stored, so nothing falls between the two reads).
   */
  async catchUp(): Promise<void> {
    for (const doc of [...this.docs.values()]) {
      try {
        const unstored = await this.deps.fanout.readUnstored(doc.name);
        if (unstored.length > 0) doc.applyRemote({ kind: 'updates', instanceId: '', updates: unstored });
      } catch (err) {
        this.deps.logger.warn({ err, doc: doc.name }, 'reading a document stream failed');
      }
      try {
        doc.mergeStored(await loadStoredDocument(this.deps.store.db, doc.name));
      } catch (err) {
        this.deps.logger.error({ err, doc: doc.name }, 'refreshing a document from the store failed');
      }
    }
  }

  /** Call when a connection or holder let go: evicts the document if nothing needs it any more. */
  release(doc: CollabDocument): void {
    if (doc.status !== 'ready' || doc.conns.size > 0 || doc.holds > 0) return;
    if (this.deps.writer.pendingCount(doc.name) > 0) return; // evicted from `afterDrained`
    this.remove(doc);
  }

  /** The writer stored the last pending update of a document. */
  afterDrained(name: string): void {
    const doc = this.docs.get(name);
    if (doc) this.release(doc);
  }

  /** The writer stored `count` updates of a document: compact it past the threshold. */
  afterStored(name: string, count: number): void {
    const doc = this.docs.get(name);
    if (!doc) return;
    doc.storedSinceCompaction += count;
    if (doc.storedSinceCompaction >= this.deps.compactAfterUpdates) this.compact(doc);
  }

  private compact(doc: CollabDocument): void {
    const failedAt = this.compactionFailedAt.get(doc.name) ?? 0;
    if (this.compactions.has(doc.name) || this.deps.documentDeps.now() - failedAt < COMPACTION_RETRY_MS)
      return;
    const bytesBefore = doc.approxBytes;
    const run = compactStoredDocument(this.deps.store, doc.name, nowIso())
      .then((result) => {
        this.compactionFailedAt.delete(doc.name);
        if (!result) return;
        doc.storedSinceCompaction = Math.max(0, doc.storedSinceCompaction - result.folded);
        // Re-measured: what arrived during the compaction is added to the new snapshot's size.
        doc.approxBytes = result.snapshotBytes + Math.max(0, doc.approxBytes - bytesBefore);
      })
      .catch((err: unknown) => {
        this.compactionFailedAt.set(doc.name, this.deps.documentDeps.now());
        this.deps.onCompactionFailure();
        this.deps.logger.error({ err, doc: doc.name }, 'compacting a document failed');
      })
      .finally(() => this.compactions.delete(doc.name));
    this.compactions.set(doc.name, run);
  }

  private remove(doc: CollabDocument): void {
    if (this.docs.get(doc.name) !== doc) return;
    this.docs.delete(doc.name);
    this.deps.onCountChange(this.docs.size);
    doc.destroy();
    this.deps.fanout.unsubscribeDoc(doc.name).catch((err: unknown) => {
      this.deps.logger.warn({ err, doc: doc.name }, 'unsubscribing a document failed');
    });
  }

  /**
   * Shutdown: closes every connection (clients reconnect elsewhere) and waits for each close
   * handshake, up to `graceMs`. A client's frames arrive in order, so once its close frame is in,
   * every edit it sent has been applied and queued for the store; only then may the writer flush.
   */
  async close(graceMs: number): Promise<void> {
    const conns = [...this.docs.values()].flatMap((doc) => [...doc.conns]);
    const closed = conns.map((conn) =>
      conn.ws.readyState === WebSocket.CLOSED
        ? Promise.resolve()
        : once(conn.ws, 'close').then(() => undefined),
    );
    for (const conn of conns) conn.close(CloseCode.ServerShutdown, 'server shutting down');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(closed),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    for (const conn of conns) if (conn.ws.readyState !== WebSocket.CLOSED) conn.ws.terminate();
    await Promise.allSettled(this.compactions.values());
  }

  /** After the writer flushed: drop everything from memory. */
  destroyAll(): void {
    for (const doc of [...this.docs.values()]) this.remove(doc);
  }
}
