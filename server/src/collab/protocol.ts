import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messagePermissionDenied } from 'y-protocols/auth';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/*
 * The y-websocket wire format, decoded and encoded without a Y.Doc so the document layer decides
 * what to do with each message (a reader's update must be dropped before it touches the doc).
 */

/** Top-level y-websocket message types (`y-websocket` `messageSync` etc.). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

/** A decoded inbound message. Byte arrays are views into the received buffer. */
export type InboundMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

/** The sender broke the protocol; the connection is closed with `CloseCode.MalformedMessage`. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

function finish<T>(decoder: decoding.Decoder, message: T): T {
  // Trailing bytes mean the sender and we disagree about the format: refuse rather than guess.
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
  return message;
}

/** Decodes one message; throws `MalformedMessageError` on anything that is not the protocol. */
export function decodeMessage(data: Uint8Array): InboundMessage {
  const decoder = decoding.createDecoder(data);
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === messageYjsSyncStep1)
          return finish(decoder, { type: 'sync-step1', stateVector: payload });
        if (syncType === messageYjsSyncStep2) return finish(decoder, { type: 'sync-step2', update: payload });
        if (syncType === messageYjsUpdate) return finish(decoder, { type: 'update', update: payload });
        throw new MalformedMessageError(`unknown sync message ${syncType}`);
      }
      case MessageType.Awareness:
        return finish(decoder, { type: 'awareness', update: decoding.readVarUint8Array(decoder) });
      case MessageType.QueryAwareness:
        return finish(decoder, { type: 'query-awareness' });
      case MessageType.Auth:
        // Clients never need to send auth messages; tolerate and ignore them like the reference.
        return { type: 'auth' };
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(err instanceof Error ? err.message : String(err));
  }
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  syncMessage(messageYjsSyncStep1, stateVector);
/** Sync step 2: the update answering a peer's state vector. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => syncMessage(messageYjsSyncStep2, update);
/** A live document update. */
export const encodeUpdate = (update: Uint8Array): Uint8Array => syncMessage(messageYjsUpdate, update);

/** An awareness message carrying an encoded awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `y-protocols/auth` permission-denied; the stock client logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, messagePermissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** True for the state vector of an empty document: the peer needs the whole state. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** One entry of an awareness update; `state` is the raw UTF-8 JSON, decoded only when needed. */
export interface RawAwarenessEntry {
  clientId: number;
  clock: number;
  state: Uint8Array;
}

/** Splits an awareness update into entries without parsing their JSON. */
export function decodeAwarenessUpdate(update: Uint8Array): RawAwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    const entries: RawAwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientId, clock, state: decoding.readVarUint8Array(decoder) });
    }
    return finish(decoder, entries);
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(err instanceof Error ? err.message : String(err));
  }
}

/** Encodes awareness entries; `json` is the state as JSON text (`'null'` for a removal). */
export function encodeAwarenessUpdate(
  entries: Iterable<{ clientId: number; clock: number; json: string }>,
): Uint8Array {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const entry of list) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
