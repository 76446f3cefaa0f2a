import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { now, withTimeout } from '../clock.js';
import { editsSeen, minutesText } from '../workload.js';
import { EditTimes, type EditWindow } from './window.js';

/** y-websocket message types (the first varuint of every message). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export interface LeanClientOptions {
  url: string;
  /** Do the sync handshake; false on the raw relay, where there is no server document to sync with. */
  sync: boolean;
  /** Awareness state published on open and renewed every `renewMs` (first renewal after `phaseMs`). */
  awareness: { state: Record<string, unknown>; renewMs: number; phaseMs: number } | null;
}

/**
 * The raw relay's reader (and the big-minutes uploader): a y-websocket client that puts on the wire what the stock `WebsocketProvider` puts there (sync
 * step 1 on open, step 2 in answer to the server's step 1, its awareness state on open and every
 * 15 s, the echo of every awareness change it receives, an answer to query-awareness) without the
 * provider's per-instance overhead: it never parses awareness JSON and keeps no reconnect
 * machinery. 500 of them fit in two processes.
 */
export class LeanClient implements EditWindow {
  readonly doc = new Y.Doc();
  readonly startedAt = now();
  /** When sync step 2 arrived and when it had been applied (NaN until then). */
  step2ReceivedAt = Number.NaN;
  syncedAt = Number.NaN;
  closed: { code: number; reason: string } | null = null;
  deniedReason: string | null = null;
  private readonly ws: WebSocket;
  private text: ReturnType<typeof minutesText> = null;
  private seen = 0;
  private readonly edits = new EditTimes();
  private awarenessClock = 0;
  /** Awareness clock and presence per client, as y-protocols keeps them in `meta`. */
  private readonly peers = new Map<number, { clock: number; present: boolean }>();
  private renewTimer: NodeJS.Timeout | null = null;
  private readonly opened: Promise<void>;
  private readonly synced: Promise<void>;
  private settleSynced: () => void = () => undefined;
  private readonly step2Waiters: Array<() => void> = [];

  constructor(private readonly options: LeanClientOptions) {
    this.ws = new WebSocket(options.url);
    this.synced = new Promise((resolve) => (this.settleSynced = resolve));
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode ?? '?'} at upgrade`)),
      );
    });
    // Marked handled here: `ready()` awaits it, but a refusal may come before anyone does.
    this.opened.catch(() => undefined);
    this.ws.on('open', () => this.handleOpen());
    this.ws.on('message', (data) => this.handleMessage(toBytes(data), now()));
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString('utf8') };
      this.stopRenewal();
    });
    this.ws.on('error', () => undefined);
  }

  /** Resolves once open (and synced when syncing); rejects on refusal, close or timeout. */
  async ready(timeoutMs: number): Promise<void> {
    const steps = this.opened.then(() => (this.options.sync ? this.synced : undefined));
    await withTimeout(Promise.race([steps, this.whenClosed()]), timeoutMs, 'connect');
  }

  /** Sends an update the way the provider sends a local change. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** Sends step 1 again; resolves with the minutes' length once the server's step 2 is applied. */
  async resync(timeoutMs: number): Promise<number> {
    const next = new Promise<void>((resolve) => this.step2Waiters.push(resolve));
    this.sendStep1();
    await withTimeout(Promise.race([next, this.whenClosed()]), timeoutMs, 'resync');
    return this.minutesLength();
  }

  /** Characters in the client's copy of the minutes. */
  minutesLength(): number {
    return minutesText(this.doc)?.length ?? 0;
  }

  /** Size of the client's document encoded as one update (what a fresh sync transfers). */
  encodedSize(): number {
    return Y.encodeStateAsUpdate(this.doc).length;
  }

  /** Starts recording arrival times of edits `from … from + count - 1`. */
  expect(from: number, count: number): void {
    this.edits.expect(from, count);
  }

  get complete(): boolean {
    return this.edits.complete;
  }

  get broken(): boolean {
    return this.closed !== null || this.deniedReason !== null;
  }

  get times(): Float64Array {
    return this.edits.times;
  }

  close(): void {
    this.stopRenewal();
    this.ws.close();
    this.doc.destroy();
  }

  private whenClosed(): Promise<never> {
    return new Promise((_resolve, reject) => {
      this.ws.once('close', (code, reason) =>
        reject(new Error(`closed ${code} ${reason.toString('utf8')}`.trim())),
      );
    });
  }

  private sendStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  private handleOpen(): void {
    if (this.options.sync) this.sendStep1();
    const plan = this.options.awareness;
    if (plan) {
      this.sendAwareness();
      // Browsers joined at different times, so their 15 s renewals are spread evenly, not in step.
      this.renewTimer = setTimeout(() => {
        this.sendAwareness();
        this.renewTimer = setInterval(() => this.sendAwareness(), plan.renewMs);
      }, plan.phaseMs);
    }
  }

  private handleMessage(bytes: Uint8Array, at: number): void {
    const decoder = decoding.createDecoder(bytes);
    switch (decoding.readVarUint(decoder)) {
      case MessageType.Sync: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
        if (kind === syncProtocol.messageYjsSyncStep2) {
          if (Number.isNaN(this.syncedAt)) {
            this.step2ReceivedAt = at;
            this.syncedAt = now();
            this.settleSynced();
          }
          for (const waiter of this.step2Waiters.splice(0)) waiter();
        }
        // On the relay a peer's step 1 reaches every client; answering would flood it with step 2s.
        if (this.options.sync && encoding.length(encoder) > 1) this.ws.send(encoding.toUint8Array(encoder));
        this.noteEdits(at);
        break;
      }
      case MessageType.QueryAwareness:
        if (this.options.awareness) this.sendAwareness(false);
        break;
      case MessageType.Auth:
        // y-protocols auth: a varuint 0 (permission denied) then the reason.
        if (decoding.readVarUint(decoder) === 0) this.deniedReason = decoding.readVarString(decoder);
        break;
      case MessageType.Awareness:
        if (this.options.awareness) this.echoAwareness(decoding.readVarUint8Array(decoder));
        break;
      default:
        break;
    }
  }

  private noteEdits(at: number): void {
    this.text ??= minutesText(this.doc);
    const count = editsSeen(this.text);
    for (; this.seen < count; this.seen++) this.edits.mark(this.seen, at);
  }

  /**
   * The stock provider re-sends every awareness change it applies (its `update` handler ignores
   * the origin; yjs#732), so each change a server relays to N browsers comes back N times. The
   * same bytes go back here, decided by the rule of y-protocols `applyAwarenessUpdate` on clocks
   * alone: states are passed through as bytes, never parsed.
   */
  private echoAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const changed: Array<{ clientId: number; clock: number; state: Uint8Array }> = [];
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarUint8Array(decoder);
      const known = this.peers.get(clientId);
      const removal = isNullState(state);
      const current = known?.clock ?? 0;
      if (current < clock || (current === clock && removal && known?.present === true)) {
        this.peers.set(clientId, { clock, present: !removal });
        // y-protocols reports a removal of a client it never saw as nothing at all.
        if (known || !removal) changed.push({ clientId, clock, state });
      }
    }
    if (changed.length === 0 || this.ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, changed.length);
    for (const entry of changed) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarUint8Array(encoder, entry.state);
    }
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MessageType.Awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(encoder));
    this.ws.send(encoding.toUint8Array(message));
  }

  private sendAwareness(bump = true): void {
    const plan = this.options.awareness;
    if (!plan || this.ws.readyState !== WebSocket.OPEN) return;
    if (bump) this.awarenessClock++;
    // Our own state relayed back must not look new (the provider knows its own clock).
    this.peers.set(this.doc.clientID, { clock: this.awarenessClock, present: true });
    this.ws.send(encodeAwarenessMessage(this.doc.clientID, this.awarenessClock, plan.state));
  }

  private stopRenewal(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = null;
  }
}

/** The bytes `y-protocols/awareness` `encodeAwarenessUpdate` writes for one client, in a message. */
export function encodeAwarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MessageType.Awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const NULL_STATE = new TextEncoder().encode('null');

/** A state string `null` (a removal), compared as the bytes a varString carries. */
function isNullState(state: Uint8Array): boolean {
  return state.length === NULL_STATE.length && state.every((byte, i) => byte === NULL_STATE[i]);
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
