import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { now, pollUntil, sleep } from '../clock.js';
import type { Endpoint } from '../targets/types.js';
import { appendEdit } from '../workload.js';

export interface EditorsPlan {
  writer: Endpoint;
  noteTakers: Endpoint[];
  /** Publish awareness as browsers do (a user, then cursors); off, the writer publishes none. */
  awareness: boolean;
  /** Wait for sync step 2 (false on the raw relay, which never answers step 1). */
  waitSynced: boolean;
}

/**
 * The writer and the note-takers: stock `WebsocketProvider`s, so what the servers receive from
 * people who type and move cursors is exactly what browsers send.
 */
export class Editors {
  private readonly writer: WebsocketProvider;
  private readonly noteTakers: WebsocketProvider[];
  private cursorTimers: NodeJS.Timeout[] = [];

  constructor(private readonly plan: EditorsPlan) {
    this.writer = openProvider(plan.writer, plan.awareness ? 'Writer' : null);
    this.noteTakers = plan.noteTakers.map((endpoint, i) => openProvider(endpoint, `Note-taker ${i + 1}`));
  }

  async ready(timeoutMs: number): Promise<void> {
    const all = [this.writer, ...this.noteTakers];
    const ok = await pollUntil(
      () => all.every((p) => (this.plan.waitSynced ? p.synced : p.wsconnected)),
      timeoutMs,
    );
    if (!ok)
      throw new Error(`editors not ${this.plan.waitSynced ? 'synced' : 'connected'} in ${timeoutMs} ms`);
  }

  /**
   * Makes `count` edits `intervalMs` apart on a fixed schedule (no drift when one is late) and
   * returns when each left: the provider sends the update inside the transaction.
   */
  async runEdits(count: number, intervalMs: number): Promise<Float64Array> {
    const sentAt = new Float64Array(count);
    const start = now();
    for (let i = 0; i < count; i++) {
      const wait = start + i * intervalMs - now();
      if (wait > 0) await sleep(wait);
      sentAt[i] = now();
      appendEdit(this.writer.doc);
    }
    return sentAt;
  }

  /** Each note-taker moves its cursor `hz` times a second, at its own phase. */
  startCursors(hz: number): void {
    this.stopCursors();
    this.noteTakers.forEach((provider, i) => {
      let moves = 0;
      const move = (): void => {
        moves++;
        provider.awareness.setLocalStateField('cursor', fakeCursor(provider.doc.clientID, i * 1000 + moves));
      };
      const phase = setTimeout(
        () => this.cursorTimers.push(setInterval(move, 1000 / hz)),
        (i * 1000) / hz / Math.max(1, this.noteTakers.length),
      );
      this.cursorTimers.push(phase);
    });
  }

  stopCursors(): void {
    for (const timer of this.cursorTimers) clearTimeout(timer);
    this.cursorTimers = [];
  }

  close(): void {
    this.stopCursors();
    for (const provider of [this.writer, ...this.noteTakers]) {
      provider.destroy();
      provider.doc.destroy();
    }
  }
}

function openProvider(endpoint: Endpoint, userName: string | null): WebsocketProvider {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(endpoint.serverUrl, endpoint.room, doc, {
    params: endpoint.params,
    // The `ws` client stands in for the browser's WebSocket, as in the provider's own Node tests.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Several providers share this process: without this they would sync in-process, not via the server.
    disableBc: true,
    connect: false,
  });
  provider.awareness.setLocalState(userName ? { user: { name: userName, color: '#30bced' } } : null);
  provider.connect();
  return provider;
}

/**
 * A y-prosemirror cursor: anchor and head as relative-position JSON. Servers relay it without
 * reading it, so only its size and shape matter.
 */
function fakeCursor(client: number, clock: number): Record<string, unknown> {
  const position = { type: null, tname: null, item: { client, clock }, assoc: 0 };
  return { anchor: position, head: { ...position, item: { client, clock: clock + 3 } } };
}
