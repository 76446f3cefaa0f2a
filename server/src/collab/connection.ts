import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { CloseCode, type AwarenessUser, type DocAddress } from '@roundtable/shared';
import type { CollabLimits } from './options.js';

/** RFC 6455 "internal error": a server fault, not the client's doing. */
export const INTERNAL_ERROR = 1011;

/** What the door decided about one connection; fixed for its lifetime (access changes reconnect it). */
export interface Grant {
  address: DocAddress;
  docName: string;
  personId: string;
  /** Updates from a connection without it are dropped: never applied, relayed or stored. */
  canWrite: boolean;
  /** Stamped into every awareness state this connection publishes. */
  user: AwarenessUser;
}

/**
 * One y-websocket connection. Kept deliberately small (idle connections are the common case):
 * no per-connection timers, buffers or Y.Doc; the token bucket lives in two numbers.
 */
export class Connection {
  /** The awareness client id this connection owns: the first one it published. */
  clientId: number | null = null;
  /** Messages that arrived while the document was loading, replayed in order once it is ready. */
  queue: Buffer[] | null = null;
  /** Answered a pong since the last ping. */
  alive = true;
  lastSentAt: number;
  /** Told once that its edits are refused (the stock client logs each permission-denied). */
  deniedSent = false;
  private tokens: number;
  private refilledAt: number;
  /** Extra buffer allowed while the initial state is still draining. */
  private syncAllowance = 0;
  private lastRawState: string | null = null;
  private lastStampedState: string | null = null;

  constructor(
    readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly grant: Grant,
    private readonly limits: CollabLimits,
    now: number,
    private readonly onClose: (code: CloseCode | typeof INTERNAL_ERROR) => void,
  ) {
    this.tokens = limits.maxMessagesPerSecond * 2;
    this.refilledAt = now;
    this.lastSentAt = now;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /**
   * Writes a pre-built frame (see `frames.ts`). A receiver that lets more than
   * `maxBufferedBytes` pile up is closed rather than allowed to grow the server's memory.
   */
  send(frame: Buffer, now: number): void {
    if (!this.isOpen) return;
    const buffered = this.ws.bufferedAmount;
    if (buffered > this.limits.maxBufferedBytes + this.syncAllowance) {
      this.close(CloseCode.Backpressure, 'send buffer over the limit');
      return;
    }
    if (buffered === 0) this.syncAllowance = 0;
    this.socket.write(frame);
    this.lastSentAt = now;
  }

  /** Sends the initial state; its size is allowed on top of the live-traffic bound. */
  sendInitial(frame: Buffer, now: number): void {
    this.syncAllowance += frame.length;
    this.send(frame, now);
  }

  /** Token bucket: `cost` tokens per message, refilled at `maxMessagesPerSecond`. */
  takeTokens(cost: number, now: number): boolean {
    const rate = this.limits.maxMessagesPerSecond;
    this.tokens = Math.min(rate * 2, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
    this.tokens -= cost;
    return this.tokens >= 0;
  }

  /**
   * The client's awareness JSON with `user` replaced by the server's identity. Clients renew the
   * same state every 15 s, so the last result is reused instead of parsing again.
   * Throws on JSON that is not an object (the caller closes the connection as malformed).
   */
  stampState(raw: string): string {
    if (raw === this.lastRawState && this.lastStampedState !== null) return this.lastStampedState;
    const state: unknown = JSON.parse(raw);
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw new TypeError('awareness state must be a JSON object');
    }
    // A reader has no caret in the writers' editors: their cursor is dropped, their presence kept.
    const { cursor: _cursor, ...presence } = state as Record<string, unknown>;
    const shown = this.grant.canWrite ? state : presence;
    const stamped = JSON.stringify({ ...shown, user: this.grant.user });
    this.lastRawState = raw;
    this.lastStampedState = stamped;
    return stamped;
  }

  close(code: CloseCode | typeof INTERNAL_ERROR, reason: string): void {
    if (this.ws.readyState === WebSocket.CLOSING || this.ws.readyState === WebSocket.CLOSED) return;
    this.onClose(code);
    this.ws.close(code, reason);
  }
}
