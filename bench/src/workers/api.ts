/**
 * The coordinator ↔ worker contract: one request, one reply, over the `fork` IPC channel with
 * `serialization: 'advanced'` (typed arrays cross without JSON).
 */
import type { Endpoint } from '../targets/types.js';
import type { EditorsPlan } from './editors.js';

export interface ReaderSpec {
  endpoint: Endpoint;
  /**
   * The awareness state this client publishes; null publishes none; absent keeps the stock
   * provider's default (`{}`).
   */
  awareness?: Record<string, unknown> | null;
}

export interface HandsPlan {
  url: string;
  roomId: string;
  tokens: string[];
  /** Person ids of every participant of the run (all workers), for "holds each exactly once". */
  expectedPersonIds: string[];
}

export interface HandsOutcome {
  acked: number;
  refused: string[];
  /** Per participant: when its hand was acknowledged and when it held the final list. */
  ackMs: number[];
  finalAt: number[];
  firstRaiseAt: number;
  lastRaiseAt: number;
  duplicates: number;
}

/** Method name → params and result. */
export interface WorkerApi {
  connectReaders: {
    /**
     * `stock`: `WebsocketProvider`s (every Yjs server); otherwise lean clients that skip the sync
     * handshake (the raw relay has no document, and stock providers' step 1 would be relayed to all).
     */
    params: { clients: ReaderSpec[]; stock: boolean; renewMs: number; timeoutMs: number };
    result: { connected: number; failures: string[] };
  };
  expectEdits: { params: { from: number; count: number }; result: null };
  progress: { params: null; result: { complete: number; broken: number; total: number } };
  collect: { params: null; result: { times: Float64Array[] } };
  closeReaders: { params: null; result: null };
  connectEditors: { params: EditorsPlan & { timeoutMs: number }; result: null };
  runEdits: { params: { count: number; intervalMs: number }; result: { sentAt: Float64Array } };
  startCursors: { params: { hz: number }; result: null };
  stopCursors: { params: null; result: null };
  closeEditors: { params: null; result: null };
  upload: {
    params: { url: string; chunks: Uint8Array[]; expectedLength: number };
    result: { serverLength: number };
  };
  /** A fresh client, kept open: its connect → synced time, and the document's size. */
  openHolder: {
    params: { endpoint: Endpoint };
    result: { syncMs: number; receivedMs: number; bytes: number; length: number };
  };
  /** Fresh clients one after another, each closed once synced. */
  measureSync: {
    params: { endpoint: Endpoint; count: number };
    result: { syncMs: number[]; receivedMs: number[] };
  };
  /** Participants connect and subscribe to the room's speaking order. */
  handsConnect: { params: HandsPlan; result: null };
  /** Each raises at a uniformly random moment of `windowMs` after `startAt`; then they disconnect. */
  handsRaise: { params: { startAt: number; windowMs: number }; result: HandsOutcome };
  /** The worker's own CPU time, to show whether clients kept up. */
  cpu: { params: null; result: { cpuMicros: number } };
}

export type Method = keyof WorkerApi;
export type Params<M extends Method> = WorkerApi[M]['params'];
export type Result<M extends Method> = WorkerApi[M]['result'];

export interface Request<M extends Method = Method> {
  id: number;
  method: M;
  params: Params<M>;
}

export type Reply = { id: number; result: unknown } | { id: number; error: string };
