import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwarenessUpdate,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeUpdate,
  isEmptyStateVector,
  MalformedMessageError,
} from './protocol.js';

/** A message as the stock client writes it. */
function clientMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('y-websocket message codec', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');

  it('decodes the sync messages the stock client sends', () => {
    const step1 = decodeMessage(
      clientMessage((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeSyncStep1(e, doc);
      }),
    );
    expect(step1).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
    const update = Y.encodeStateAsUpdate(doc);
    const decoded = decodeMessage(
      clientMessage((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeUpdate(e, update);
      }),
    );
    expect(decoded).toEqual({ type: 'update', update });
    const step2 = decodeMessage(
      clientMessage((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0]));
      }),
    );
    expect(step2.type).toBe('sync-step2');
  });

  it('decodes awareness and query-awareness messages', () => {
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ cursor: 3 });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(
      decodeMessage(
        clientMessage((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, update);
        }),
      ),
    ).toEqual({ type: 'awareness', update });
    expect(decodeMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
    expect(decodeAwarenessUpdate(update)).toEqual([
      { clientId: doc.clientID, clock: 1, state: new TextEncoder().encode('{"cursor":3}') },
    ]);
    awareness.destroy();
  });

  it('refuses unknown types, truncated messages and trailing bytes', () => {
    for (const bad of [[9], [0, 7, 0], [0, 0, 5, 1], [], [0xff, 0xff], [3, 0]]) {
      expect(() => decodeMessage(new Uint8Array(bad))).toThrow(MalformedMessageError);
    }
    expect(() => decodeAwarenessUpdate(new Uint8Array([2, 1, 1]))).toThrow(MalformedMessageError);
  });

  it('encodes what the stock client reads', () => {
    const target = new Y.Doc();
    const message = encodeUpdate(Y.encodeStateAsUpdate(doc));
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(0);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), target, null);
    expect(target.getText('t').toJSON()).toBe('hello');

    const step1 = decoding.createDecoder(encodeSyncStep1(Y.encodeStateVector(doc)));
    decoding.readVarUint(step1);
    const reply = encoding.createEncoder();
    expect(syncProtocol.readSyncMessage(step1, reply, target, null)).toBe(syncProtocol.messageYjsSyncStep1);

    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const update = encodeAwarenessUpdate([{ clientId: 7, clock: 2, json: '{"user":{"name":"A"}}' }]);
    awarenessProtocol.applyAwarenessUpdate(awareness, update, null);
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'A' } });
    awareness.destroy();

    let reason = '';
    const denied = decoding.createDecoder(encodePermissionDenied('read-only'));
    expect(decoding.readVarUint(denied)).toBe(2);
    authProtocol.readAuthMessage(denied, target, (_doc, r) => (reason = r));
    expect(reason).toBe('read-only');
  });

  it('recognises the state vector of an empty document', () => {
    expect(isEmptyStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true);
    expect(isEmptyStateVector(Y.encodeStateVector(doc))).toBe(false);
  });
});
