import * as Y from 'yjs';
import { CloseCode, type DocAddress } from '@roundtable/shared';
import type { Logger } from '../logger.js';
import { AwarenessHub } from './awareness.js';
import type { Connection } from './connection.js';
import type { FanoutMessage } from './fanout.js';
import { binaryFrame } from './frames.js';
import { handleMessage } from './inbound.js';
import { keepConnectionsAlive } from './liveness.js';
import type { CollabLimits, CollabTuning } from './options.js';
import type { StoredDocument } from './persistence.js';
import {
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyStateVector,
  MalformedMessageError,
} from './protocol.js';

/** Transaction origins that say where a change came from (a `Connection` for client edits). */
export const Origin = {
  /** Loaded from the store: already stored, never relayed. */
  Store: Symbol('store'),
  /** Relayed by another instance, which stores it: relayed here, never stored or re-published. */
  Remote: Symbol('remote'),
  /** Made by the server itself (templates, migrations): stored and relayed like a client edit. */
  Server: Symbol('server'),
} as const;

/** What a document needs from the rest of the module. */
export interface DocumentDeps {
  limits: CollabLimits;
  tuning: CollabTuning;
  logger: Logger;
  now(): number;
  /** An update this instance accepted: publish it to other instances and store it. */
  persist(docName: string, update: Uint8Array): void;
  publishAwareness(docName: string, update: Uint8Array): void;
  onDroppedUpdate(reason: 'read_only_connection' | 'read_only_document'): void;
}

const MAX_QUEUED_WHILE_LOADING = 256;

/**
 * One live document: its Y.Doc, its connections and how messages flow between them.
 *
 * Outgoing messages are encoded and framed once and the same buffer goes to every connection. A
 * fresh client's sync answer (the whole state) is cached until the next change, so a room of
 * readers joining a large document costs one encoding, not one each.
 *
 * Updates are relayed before they are durable, as y-websocket does. That is safe for convergence:
 * a client keeps its own edits and, after any reconnect, answers the server's sync step 1 with
 * everything the server lacks, so an edit lost in a crash comes back from its author. Storing
 * first would put a store round trip on every keystroke's path to every reader.
 */
export class CollabDocument {
  readonly ydoc = new Y.Doc();
  readonly conns = new Set<Connection>();
  readonly awareness = new AwarenessHub();
  status: 'loading' | 'ready' | 'failed' = 'loading';
  readOnly = false;
  /** Bumped on every flag change, so a load that read the flag earlier does not overwrite it. */
  readOnlyEpoch = 0;
  /** Holders other than connections (server-side edits) that keep the document in memory. */
  holds = 0;
  /** Upper bound of the stored size: update bytes since the snapshot plus the snapshot. */
  approxBytes = 0;
  /** Log rows stored since the last compaction (this instance's count). */
  storedSinceCompaction = 0;
  /** Resolves true once loaded, false when the load failed. */
  readonly ready: Promise<boolean>;
  private settle!: (loaded: boolean) => void;
  private stateFrame: Buffer | null = null;
  private stateVectorFrame: Buffer | null = null;
  private remoteQueue: Uint8Array[] = [];
  private awarenessTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    readonly address: DocAddress,
    private readonly deps: DocumentDeps,
  ) {
    this.ready = new Promise((resolve) => (this.settle = resolve));
  }

  /**
   * Applies the stored state, then what other instances published while it was being read, then
   * replays the messages connections sent meanwhile. Nothing is answered before this point.
   */
  load(stored: StoredDocument, readOnly: boolean | null): void {
    Y.transact(
      this.ydoc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.ydoc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(this.ydoc, update);
      },
      Origin.Store,
    );
    this.approxBytes = [stored.snapshot, ...stored.updates].reduce((n, u) => n + (u?.length ?? 0), 0);
    this.storedSinceCompaction = stored.updates.length;
    if (stored.snapshot && stored.updates.length === 0) {
      this.stateFrame = binaryFrame(encodeSyncStep2(stored.snapshot));
    }
    if (readOnly !== null) this.readOnly = readOnly;
    this.ydoc.on('update', this.onUpdate);
    this.status = 'ready';
    const queued = this.remoteQueue.splice(0);
    if (queued.length > 0) this.applyRemoteUpdates(queued);
    this.settle(true);
    for (const conn of this.conns) {
      const messages = conn.queue ?? [];
      conn.queue = null;
      for (const data of messages) if (conn.isOpen) handleMessage(this, conn, data, this.deps);
    }
  }

  /** The load failed: nobody was synced, nothing was accepted; connections retry later. */
  fail(): void {
    this.status = 'failed';
    this.settle(false);
    for (const conn of this.conns) conn.close(CloseCode.StorageFailure, 'document could not be loaded');
  }

  addConnection(conn: Connection): void {
    this.conns.add(conn);
    if (this.status === 'loading') conn.queue = [];
  }

  removeConnection(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.awareness.removeOwner(conn, this.deps.now());
    this.scheduleAwareness();
  }

  /** Entry point for every inbound websocket message of `conn`. */
  receive(conn: Connection, data: Buffer): void {
    if (data.length > this.deps.limits.maxMessageBytes) {
      conn.close(CloseCode.MessageTooLarge, 'message too large');
    } else if (conn.queue) {
      if (conn.queue.length >= MAX_QUEUED_WHILE_LOADING)
        conn.close(CloseCode.RateLimited, 'too many messages');
      else conn.queue.push(data);
    } else if (this.status === 'ready') {
      handleMessage(this, conn, data, this.deps);
    }
  }

  /** Answers a client's sync step 1 (and asks writers for what they have that we lack). */
  answerSyncStep1(conn: Connection, stateVector: Uint8Array, now: number): void {
    let frame: Buffer;
    if (isEmptyStateVector(stateVector)) {
      frame = this.stateFrame ??= binaryFrame(encodeSyncStep2(Y.encodeStateAsUpdate(this.ydoc)));
    } else {
      frame = binaryFrame(encodeSyncStep2(this.diffSince(stateVector)));
    }
    conn.sendInitial(frame, now);
    // Only writers are asked for what they have that we lack: a reader's answer would be dropped.
    if (conn.grant.canWrite && !this.readOnly) {
      conn.send(
        (this.stateVectorFrame ??= binaryFrame(encodeSyncStep1(Y.encodeStateVector(this.ydoc)))),
        now,
      );
    }
    this.sendAwarenessStates(conn, now);
  }

  private diffSince(stateVector: Uint8Array): Uint8Array {
    try {
      return Y.encodeStateAsUpdate(this.ydoc, stateVector);
    } catch (err) {
      throw new MalformedMessageError(`state vector: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** A client's sync step 2 or update: applied only for writers of a writable document. */
  applyClientUpdate(conn: Connection, update: Uint8Array, now: number): void {
    if (!conn.grant.canWrite || this.readOnly) {
      this.deps.onDroppedUpdate(conn.grant.canWrite ? 'read_only_document' : 'read_only_connection');
      if (!conn.deniedSent) {
        conn.deniedSent = true;
        conn.send(binaryFrame(encodePermissionDenied('this document is read-only for you')), now);
      }
      return;
    }
    if (this.approxBytes + update.length > this.deps.limits.maxDocumentBytes) {
      conn.close(CloseCode.DocumentTooLarge, 'document too large');
      return;
    }
    // Counted before applying: bytes parked as pending structs (missing dependencies) use memory too.
    this.approxBytes += update.length;
    try {
      Y.applyUpdate(this.ydoc, update, conn);
    } catch (err) {
      throw new MalformedMessageError(`update: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  sendAwarenessStates(conn: Connection, now: number): void {
    const states = this.awareness.allStates();
    if (states) conn.send(binaryFrame(encodeAwarenessMessage(states)), now);
  }

  /** Every change of the Y.Doc, whatever its origin, after load. */
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.stateFrame = null;
    this.stateVectorFrame = null;
    try {
      this.broadcast(binaryFrame(encodeUpdate(update)));
      if (origin !== Origin.Remote) this.deps.persist(this.name, update);
    } catch (err) {
      this.deps.logger.error({ err, doc: this.name }, 'relaying an update failed');
    }
  };

  private broadcast(frame: Buffer): void {
    const now = this.deps.now();
    for (const conn of this.conns) conn.send(frame, now);
  }

  /** A client's awareness update; returns how many of its entries were accepted. */
  applyClientAwareness(conn: Connection, update: Uint8Array, now: number): number {
    const accepted = this.awareness.applyFromConnection(conn, update, now);
    if (accepted > 0) this.scheduleAwareness();
    return accepted;
  }

  private scheduleAwareness(): void {
    if (this.awarenessTimer || !this.awareness.hasPending) return;
    this.awarenessTimer = setTimeout(this.flushAwareness, this.deps.tuning.awarenessWindowMs);
  }

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    const update = this.awareness.takeBatch();
    if (!update) return;
    this.broadcast(binaryFrame(encodeAwarenessMessage(update)));
    this.deps.publishAwareness(this.name, update);
  };

  /** A message from another instance about this document. */
  applyRemote(message: FanoutMessage): void {
    try {
      if (message.kind === 'updates') {
        if (this.status === 'loading') this.remoteQueue.push(...message.updates);
        else if (this.status === 'ready') this.applyRemoteUpdates(message.updates);
        return;
      }
      const changed = this.awareness.applyRemote(message.update, this.deps.now());
      if (changed) this.broadcast(binaryFrame(encodeAwarenessMessage(changed)));
    } catch (err) {
      this.deps.logger.error({ err, doc: this.name }, 'applying a message from another instance failed');
    }
  }

  /**
   * Merges the stored state into a loaded document without storing or relaying it as new: after
   * the fan-out subscription was interrupted, what other instances accepted meanwhile is in the
   * store or still in the document's update stream.
   */
  mergeStored(stored: StoredDocument): void {
    if (this.status !== 'ready') return;
    this.applyRemoteUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
  }

  private applyRemoteUpdates(updates: Uint8Array[]): void {
    for (const update of updates) this.approxBytes += update.length;
    Y.transact(
      this.ydoc,
      () => {
        for (const update of updates) Y.applyUpdate(this.ydoc, update, Origin.Remote);
      },
      Origin.Remote,
    );
  }

  /** Runs a server-side edit; it is relayed and stored like a client's. */
  transactAsServer(edit: (doc: Y.Doc) => void): void {
    Y.transact(this.ydoc, () => edit(this.ydoc), Origin.Server);
  }

  /**
   * Changes the read-only flag (setting the current value again changes nothing). Writers are closed with `CloseCode.AccessChanged` so they sync
   * again: edits dropped while the flag was set stay on their clients and would otherwise be
   * missing dependencies for every later edit; after reopening, the re-sync brings them in.
   */
  setReadOnly(readOnly: boolean): void {
    this.readOnlyEpoch++;
    if (this.readOnly === readOnly) return;
    this.readOnly = readOnly;
    for (const conn of this.conns) {
      if (conn.grant.canWrite) conn.close(CloseCode.AccessChanged, 'document access changed');
    }
  }

  /** Periodic: liveness pings, keep-alive messages and expiry of stale awareness states. */
  keepAlive(now: number): void {
    keepConnectionsAlive(this.conns, now, this.deps.tuning.keepAliveMs);
    this.awareness.sweep(now, this.deps.tuning.awarenessTimeoutMs);
    this.scheduleAwareness();
  }

  /** Leaves memory. The last connection's departure is still announced to other instances. */
  destroy(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.flushAwareness();
    this.ydoc.off('update', this.onUpdate);
    this.ydoc.destroy();
  }
}
