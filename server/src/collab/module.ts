import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode, ErrorCode, parseDocName, YJS_PATH, type DocAddress } from '@roundtable/shared';
import type { AppModule, ModuleContext } from '../module.js';
import { isDependencyUnavailable, UNAVAILABLE_MESSAGE } from '../observability/unavailable.js';
import { nowIso } from '../store/db.js';
import { Connection, type Grant } from './connection.js';
import type { RoomPass } from '../access/guard.js';
import type { CollabDocument } from './document.js';
import { authorizeUpgrade, mayWriteDoc, refuseUpgrade } from './door.js';
import { createLocalFanout, createRedisFanout } from './fanout.js';
import { createCollabMetrics } from './metrics.js';
import { resolveCollabOptions, type CollabTuning } from './options.js';
import { appendDocUpdates, readStoredState, writeDocReadOnly } from './persistence.js';
import { DocumentRegistry } from './registry.js';
import { UpdateWriter } from './writer.js';

export const COLLAB_MODULE = 'collab';

/** Period of the sweep that stores updates of stopped instances (they are 30 s old at least). */
const ORPHAN_SWEEP_MS = 10_000;

/** The Yjs document server, and what other modules may ask of it. */
export interface CollabModule extends AppModule {
  readonly name: typeof COLLAB_MODULE;
  /**
   * Closes a person's document connections in a room on every instance (the lobby's "remove from
   * room" uses `CloseCode.RemovedFromRoom`; role changes go through `accessChanges` instead).
   */
  closePersonConnections(roomId: string, personId: string, code: CloseCode, reason?: string): void;
  /**
   * Makes a document read-only for everyone, or writable again (minutes approval). Stored first,
   * so an instance loading the document later sees it; then applied here and announced to the
   * other instances, each of which checks it on every inbound update.
   */
  setDocumentReadOnly(docName: string, readOnly: boolean): Promise<void>;
  /** A server-side edit (templates): relayed and stored like a client's; resolves once stored. */
  editDocument(docName: string, edit: (doc: Y.Doc) => void): Promise<void>;
  /** The document's whole state as one update: the store's, plus this instance's unstored edits. */
  readDocumentState(docName: string): Promise<Uint8Array>;
}

/** The collab module from `context.modules`, for the modules that call it. */
export function getCollabModule(modules: ReadonlyMap<string, AppModule>): CollabModule | null {
  const module = modules.get(COLLAB_MODULE);
  return module && 'setDocumentReadOnly' in module ? (module as CollabModule) : null;
}

function requireAddress(docName: string): DocAddress {
  const address = parseDocName(docName);
  if (!address) throw new Error(`Not a document name: ${docName}`);
  return address;
}

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);

/**
 * The y-websocket endpoint at `/yjs/<roomId>/<agenda|minutes>?token=…`: authorization at the door,
 * durable documents, fan-out between instances. `tuning` is for tests and benchmarks.
 */
export async function createCollabModule(
  context: ModuleContext,
  tuning: Partial<CollabTuning> = {},
): Promise<CollabModule> {
  const options = resolveCollabOptions(context.config, tuning);
  const { limits } = options;
  const logger = context.logger.child({ module: COLLAB_MODULE });
  const metrics = createCollabMetrics(context.metrics);
  const now = (): number => context.clock.now();
  const fanout = context.redis
    ? await createRedisFanout(context.redis, logger, () => metrics.fanoutFailures.inc())
    : createLocalFanout();
  const writer: UpdateWriter = new UpdateWriter({
    store: context.store,
    logger,
    metrics: context.metrics,
    clock: now,
    ...options.tuning,
    // Published when accepted (see `persist` below); once stored, the stream entries can go.
    onStored: (name, updates) => {
      fanout.stored(name, updates);
      registry.afterStored(name, updates.length);
    },
    onDrained: (name) => registry.afterDrained(name),
  });
  const registry: DocumentRegistry = new DocumentRegistry({
    store: context.store,
    fanout,
    writer,
    logger,
    compactAfterUpdates: options.tuning.compactAfterUpdates,
    onLoadFailure: () => metrics.loadFailures.inc(),
    onCompactionFailure: () => context.metrics.storeWriteFailures.inc({ kind: 'doc_snapshots' }),
    onCountChange: (count) => metrics.documents.set(count),
    documentDeps: {
      limits,
      tuning: options.tuning,
      logger,
      now,
      persist: (name, update) => {
        writer.enqueue(name, update);
        fanout.publishUpdate(name, update);
      },
      publishAwareness: (name, update) => fanout.publishAwareness(name, update),
      onDroppedUpdate: (reason) => metrics.droppedUpdates.inc({ reason }),
    },
  });

  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    clientTracking: false,
    // Twice the limit: messages up to it are read and refused with a clear 4413; larger frames
    // are cut off by `ws` itself (1009) without buffering them.
    maxPayload: limits.maxMessageBytes * 2,
  });

  // One set of listeners for every connection, finding the connection through the socket: idle
  // connections are the common case, and per-connection closures would each keep a context alive
  // (and with it whatever else that scope held, such as the upgrade request and its headers).
  const attached = new WeakMap<WebSocket, { conn: Connection; doc: CollabDocument; release: () => void }>();
  const countClose = (code: number): void => metrics.closes.inc({ code: String(code) });
  function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    const entry = attached.get(this);
    if (!entry) return;
    if (isBinary) entry.doc.receive(entry.conn, toBuffer(data));
    else entry.conn.close(CloseCode.MalformedMessage, 'text messages are not part of the protocol');
  }
  function onPong(this: WebSocket): void {
    const entry = attached.get(this);
    if (entry) entry.conn.alive = true;
  }
  function onError(this: WebSocket, err: Error): void {
    logger.debug({ err, doc: attached.get(this)?.doc.name }, 'yjs connection error');
  }
  function onClose(this: WebSocket): void {
    const entry = attached.get(this);
    if (!entry) return;
    attached.delete(this);
    entry.release();
    metrics.connections.dec();
    entry.doc.removeConnection(entry.conn);
    registry.release(entry.doc);
  }
  const attach = (ws: WebSocket, socket: Duplex, decided: Grant, pass: RoomPass): void => {
    const doc = registry.open(decided.address);
    // The document's own name and address, not per-connection copies of the same strings.
    const grant: Grant = { ...decided, address: doc.address, docName: doc.name };
    const conn = new Connection(ws, socket, grant, limits, now(), countClose);
    doc.addConnection(conn);
    // Every access change concerning the person or room re-decides: refused closes (4206 when
    // no longer admitted, 4205 otherwise: the reconnect meets the door again); a changed right
    // to write closes with 4205 so the reconnect carries the new grant.
    const release = context.guard.hold(
      {
        personId: grant.personId,
        roomId: grant.address.roomId,
        action: grant.address.kind === 'agenda' ? 'agenda:read' : 'minutes:read',
        revoke: (refusal) =>
          conn.close(
            refusal.code === ErrorCode.NotAdmitted ? CloseCode.RemovedFromRoom : CloseCode.AccessChanged,
            refusal.code === ErrorCode.NotAdmitted ? 'not admitted to the room' : 'access changed',
          ),
        recheck: (now) => {
          if (mayWriteDoc(now, grant.address.kind) !== grant.canWrite) {
            conn.close(CloseCode.AccessChanged, 'access changed');
          }
        },
      },
      pass,
    );
    attached.set(ws, { conn, doc, release });
    metrics.connections.inc();
    ws.on('message', onMessage);
    ws.on('pong', onPong);
    ws.on('error', onError);
    ws.on('close', onClose);
  };
  const onUpgradeSocketError = (err: Error): void => logger.debug({ err }, 'yjs upgrade socket error');

  let closing = false;
  let pendingUpgrades = 0;
  const handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', onUpgradeSocketError);
    if (closing || pendingUpgrades >= limits.maxPendingUpgrades) {
      metrics.refusedUpgrades.inc({ status: '503' });
      refuseUpgrade(socket, 503, ErrorCode.Unavailable, 'Try again shortly.');
      return;
    }
    pendingUpgrades++;
    authorizeUpgrade(req, { guard: context.guard, secret: context.secret, now: now(), basePath: YJS_PATH })
      .then((decision) => {
        if (!decision.ok) {
          metrics.refusedUpgrades.inc({ status: String(decision.status) });
          refuseUpgrade(socket, decision.status, decision.code, decision.message);
          return;
        }
        const { pass } = decision;
        if (socket.destroyed) return;
        if (closing) {
          refuseUpgrade(socket, 503, ErrorCode.Unavailable, 'Try again shortly.');
          return;
        }
        const full =
          (registry.get(decision.grant.docName)?.conns.size ?? 0) >= limits.maxConnectionsPerDocument;
        wss.handleUpgrade(req, socket, head, (ws) => {
          // Refused after the handshake so the client gets a close code it will not retry on.
          if (full) {
            metrics.closes.inc({ code: String(CloseCode.RoomFull) });
            ws.close(CloseCode.RoomFull, 'document is full');
          } else {
            socket.off('error', onUpgradeSocketError);
            attach(ws, socket, decision.grant, pass);
          }
        });
      })
      .catch((err: unknown) => {
        if (isDependencyUnavailable(err)) {
          // The store is away: the client's reconnect loop tries again, as with any 503.
          logger.warn({ err }, 'yjs upgrade refused: the store is unreachable');
          metrics.refusedUpgrades.inc({ status: '503' });
          refuseUpgrade(socket, 503, ErrorCode.Unavailable, UNAVAILABLE_MESSAGE);
          return;
        }
        logger.error({ err }, 'authorizing a yjs upgrade failed');
        refuseUpgrade(socket, 500, ErrorCode.Internal, 'Something went wrong on the server.');
      })
      .finally(() => {
        pendingUpgrades--;
      });
  };

  const closeLocally = (match: (grant: Grant) => boolean, code: CloseCode, reason: string): void => {
    for (const doc of registry.values()) {
      for (const conn of doc.conns) if (match(conn.grant)) conn.close(code, reason);
    }
  };
  fanout.onControl((message) => {
    if (message.type === 'read-only') {
      registry.get(message.docName)?.setReadOnly(message.readOnly);
    } else {
      closeLocally(
        (grant) => grant.personId === message.personId && grant.address.roomId === message.roomId,
        message.code as CloseCode,
        message.reason,
      );
    }
  });

  // Pub/sub messages published while the subscriber was reconnecting are gone: what was not
  // stored yet is in the update streams, the rest in the store (streams first: an entry leaves its
  // stream only after it is stored, so whatever is missed in one is found in the other).
  const onSubscriberReady = (): void => {
    logger.warn('redis subscriber reconnected: catching loaded documents up');
    void registry.catchUp();
  };
  context.redis?.subscriber.on('ready', onSubscriberReady);

  // Updates other instances accepted but never stored (they died): whoever sweeps first stores them.
  const sweep = (): void => {
    fanout
      .sweepOrphans(now(), async (name, updates) => {
        await appendDocUpdates(
          context.store.db,
          updates.map((update) => ({ docName: name, update })),
          nowIso(now),
          options.tuning.maxRowsPerInsert,
        );
        registry.get(name)?.applyRemote({ kind: 'updates', instanceId: '', updates });
        logger.warn({ doc: name, updates: updates.length }, 'stored updates a stopped instance had not');
      })
      .catch((err: unknown) => logger.debug({ err }, 'sweeping update streams failed; next round retries'));
  };
  const sweeper = context.redis ? setInterval(sweep, ORPHAN_SWEEP_MS) : null;
  sweeper?.unref();

  const keepAlive = setInterval(() => {
    const at = now();
    for (const doc of registry.values()) doc.keepAlive(at);
  }, options.tuning.keepAliveMs);
  keepAlive.unref();

  return {
    name: COLLAB_MODULE,
    upgrade: { path: YJS_PATH, handle: handleUpgrade },
    readiness: () => writer.readiness(),
    closePersonConnections(roomId, personId, code, reason = 'removed from the room') {
      const match = (grant: Grant): boolean => grant.personId === personId && grant.address.roomId === roomId;
      closeLocally(match, code, reason);
      fanout.publishControl({ type: 'close-person', roomId, personId, code, reason });
    },
    async setDocumentReadOnly(docName, readOnly) {
      await writeDocReadOnly(context.store.db, requireAddress(docName), readOnly, nowIso(now));
      registry.get(docName)?.setReadOnly(readOnly);
      fanout.publishControl({ type: 'read-only', docName, readOnly });
    },
    async editDocument(docName, edit) {
      const doc = registry.open(requireAddress(docName));
      doc.holds++;
      try {
        if (!(await doc.ready)) throw new Error(`Document ${docName} could not be loaded`);
        doc.transactAsServer(edit);
        await writer.flush();
      } finally {
        doc.holds--;
        registry.release(doc);
      }
    },
    async readDocumentState(docName) {
      requireAddress(docName);
      const doc = registry.get(docName);
      if (doc) await writer.flush();
      const stored = await readStoredState(context.store.db, docName);
      return doc?.status === 'ready' ? Y.mergeUpdates([stored, Y.encodeStateAsUpdate(doc.ydoc)]) : stored;
    },
    async close() {
      closing = true;
      clearInterval(keepAlive);
      if (sweeper) clearInterval(sweeper);
      context.redis?.subscriber.off('ready', onSubscriberReady);
      await registry.close(options.tuning.closeGraceMs);
      await writer.close(options.tuning.closeFlushTimeoutMs);
      registry.destroyAll();
      await fanout.close();
      wss.close();
    },
  };
}
