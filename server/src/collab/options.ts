import { Limits } from '@roundtable/shared';
import type { Config } from '../config.js';

/** Bounds every connection and document is held to. */
export interface CollabLimits {
  /** Largest inbound message we read (`CloseCode.MessageTooLarge` beyond it). */
  maxMessageBytes: number;
  /** Largest document, counted as stored update bytes (`CloseCode.DocumentTooLarge`). */
  maxDocumentBytes: number;
  /** Sustained inbound messages per second per connection; bursts of twice as many pass. */
  maxMessagesPerSecond: number;
  /** Connections per document on one instance (`CloseCode.RoomFull`). */
  maxConnectionsPerDocument: number;
  /**
   * Bytes a connection may leave unsent beyond its initial sync before it is closed with
   * `CloseCode.Backpressure`: one slow reader must not hold the memory of everyone's edits.
   */
  maxBufferedBytes: number;
  /** Upgrades being authorized at once (each holds a socket before we know who it is). */
  maxPendingUpgrades: number;
}

/** Timings and thresholds of the document server. */
export interface CollabTuning {
  /** Awareness changes of one document are merged over this window into one message. */
  awarenessWindowMs: number;
  /** An awareness state not renewed for this long is removed (clients renew every 15 s). */
  awarenessTimeoutMs: number;
  /** Ping and keep-alive period; the stock client reconnects after 30 s without a message. */
  keepAliveMs: number;
  /** Updates in the log of one document before it is compacted into its snapshot. */
  compactAfterUpdates: number;
  /** Rows per multi-row insert (SQLite binds at most 32 766 parameters per statement). */
  maxRowsPerInsert: number;
  /** First and longest delay between retries of a failed store write. */
  retryInitialMs: number;
  retryMaxMs: number;
  /** How long `close()` waits for clients to answer the close handshake before cutting them off. */
  closeGraceMs: number;
  /** How long `close()` keeps retrying to store pending updates before giving up loudly. */
  closeFlushTimeoutMs: number;
}

export interface CollabOptions {
  limits: CollabLimits;
  tuning: CollabTuning;
}

/** Limits from `YJS_MAX_*` in the configuration, falling back to the shared `Limits`. */
export function resolveCollabOptions(config: Config, overrides: Partial<CollabTuning> = {}): CollabOptions {
  return {
    limits: {
      maxMessageBytes: config.YJS_MAX_MESSAGE_BYTES ?? Limits.maxYjsMessageBytes,
      maxDocumentBytes: config.YJS_MAX_DOCUMENT_BYTES ?? Limits.maxYjsDocumentBytes,
      maxMessagesPerSecond: config.YJS_MAX_MESSAGES_PER_SECOND ?? Limits.maxYjsMessagesPerSecond,
      maxConnectionsPerDocument: config.YJS_MAX_CONNECTIONS_PER_DOCUMENT ?? Limits.maxConnectionsPerDocument,
      maxBufferedBytes: 4 * 1024 * 1024,
      maxPendingUpgrades: 512,
    },
    tuning: {
      awarenessWindowMs: 80,
      awarenessTimeoutMs: 30_000,
      keepAliveMs: 15_000,
      compactAfterUpdates: 500,
      maxRowsPerInsert: 500,
      retryInitialMs: 100,
      retryMaxMs: 5_000,
      closeGraceMs: 2_000,
      closeFlushTimeoutMs: 10_000,
      ...overrides,
    },
  };
}
