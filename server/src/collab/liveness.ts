import type { Connection } from './connection.js';
import { binaryFrame } from './frames.js';
import { encodeAwarenessMessage, encodeAwarenessUpdate } from './protocol.js';

/** An awareness message with no states: the stock client applies it as a no-op. */
const KEEPALIVE_FRAME = binaryFrame(encodeAwarenessMessage(encodeAwarenessUpdate([])));

/**
 * Run every `keepAliveMs` for each document's connections. A connection that did not answer the
 * previous ping is gone (a laptop lid closed) and is terminated, so its awareness state and memory
 * are released. One that received nothing for `keepAliveMs` gets a keep-alive message: the stock
 * client drops connections after 30 s without any message, and pings are invisible to it.
 */
export function keepConnectionsAlive(conns: Iterable<Connection>, now: number, keepAliveMs: number): void {
  for (const conn of conns) {
    if (!conn.isOpen) continue;
    if (!conn.alive) {
      conn.ws.terminate();
      continue;
    }
    conn.alive = false;
    conn.ws.ping();
    if (now - conn.lastSentAt >= keepAliveMs) conn.send(KEEPALIVE_FRAME, now);
  }
}
