import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { now, withTimeout, pollUntil } from '../clock.js';
import type { Endpoint } from '../targets/types.js';
import { editsSeen, minutesText } from '../workload.js';
import type { EditWindow } from './window.js';
import { EditTimes } from './window.js';

/**
 * The `ws` client in the browser's place (as in the provider's own Node tests), remembering when
 * the last message arrived: its listener is added before the provider sets `onmessage`, so it
 * runs first and the time is the arrival, not the end of the provider's processing.
 */
class TimedWebSocket extends WebSocket {
  lastMessageAt = Number.NaN;
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols);
    this.addEventListener('message', () => {
      this.lastMessageAt = now();
    });
  }
}

export interface StockReaderOptions {
  endpoint: Endpoint;
  /**
   * The awareness state to publish; `undefined` keeps the provider's default (`{}`, what the
   * room's documents publish before the editor adds a cursor), null publishes none.
   */
  awareness?: Record<string, unknown> | null;
}

/**
 * A reader as browsers are readers: a stock `WebsocketProvider` with its `Awareness` (renewed every
 * 15 s, every remote change echoed back, as the provider does), its Y.Doc and its timers. The
 * bench only watches: when each edit arrived and when the first sync completed.
 */
export class StockReader implements EditWindow {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly startedAt = now();
  step2ReceivedAt = Number.NaN;
  syncedAt = Number.NaN;
  private closedEarly = false;
  /** The close code when the server closed it before the reader was done (for the error). */
  private closeCode: number | null = null;
  private readonly edits = new EditTimes();
  private text: Y.XmlText | null = null;
  private seen = 0;
  private socket: TimedWebSocket | null = null;

  constructor(options: StockReaderOptions) {
    const adopt = (socket: TimedWebSocket): void => {
      this.socket = socket;
    };
    // Subclassed per reader so the provider's socket can be found again for its arrival times.
    class OwnSocket extends TimedWebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        adopt(this);
      }
    }
    this.provider = new WebsocketProvider(options.endpoint.serverUrl, options.endpoint.room, this.doc, {
      params: options.endpoint.params,
      WebSocketPolyfill: OwnSocket as unknown as typeof globalThis.WebSocket,
      // Many providers share a process: they must sync through the server, not in-process.
      disableBc: true,
      connect: false,
    });
    if (options.awareness !== undefined) this.provider.awareness.setLocalState(options.awareness);
    this.provider.on('sync', (synced: boolean) => {
      if (!synced || !Number.isNaN(this.syncedAt)) return;
      this.syncedAt = now();
      this.step2ReceivedAt = this.socket?.lastMessageAt ?? this.syncedAt;
    });
    this.provider.on('connection-close', (event: { code?: number } | null) => {
      this.closeCode = event?.code ?? null;
      // Before the first sync the provider retries, as a browser does (a server may answer 503
      // while a dependency is away); after it, a reconnect would re-sync and hide lost messages,
      // so a reader closed then counts as broken.
      if (!this.provider.shouldConnect || Number.isNaN(this.syncedAt)) return;
      this.closedEarly = true;
    });
    this.doc.on('update', () => this.noteEdits(this.socket?.lastMessageAt ?? now()));
    this.provider.connect();
  }

  async ready(timeoutMs: number): Promise<void> {
    const ok = await withTimeout(
      pollUntil(() => this.provider.synced || this.closedEarly, timeoutMs, 20),
      timeoutMs + 1_000,
      'connect',
    );
    if (!ok || this.closedEarly) {
      throw new Error(
        this.closedEarly ? `closed before synced (${this.closeCode ?? 'no code'})` : 'not synced',
      );
    }
  }

  expect(from: number, count: number): void {
    this.edits.expect(from, count);
  }

  get complete(): boolean {
    return this.edits.complete;
  }

  get broken(): boolean {
    return this.closedEarly;
  }

  get times(): Float64Array {
    return this.edits.times;
  }

  minutesLength(): number {
    return minutesText(this.doc)?.length ?? 0;
  }

  encodedSize(): number {
    return Y.encodeStateAsUpdate(this.doc).length;
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private noteEdits(at: number): void {
    this.text ??= minutesText(this.doc);
    const count = editsSeen(this.text);
    for (; this.seen < count; this.seen++) this.edits.mark(this.seen, at);
  }
}
