import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import { messageAuth, messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { trackSaving, type SaveState } from './saveTracker';

/** A provider that never connects, with a socket that only records what it is given. */
function buildProvider(doc: Y.Doc) {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room-1/minutes', doc, {
    connect: false,
    disableBc: true,
  });
  const sent: Uint8Array[] = [];
  provider.ws = {
    readyState: WebSocket.OPEN,
    OPEN: WebSocket.OPEN,
    send: (data: Uint8Array) => sent.push(data),
  } as unknown as WebSocket;
  provider.wsconnected = true;
  return { provider, sent };
}

/** Feeds a server message to the provider as its socket's `onmessage` would. */
function receive(provider: WebsocketProvider, write: (encoder: encoding.Encoder) => void): void {
  const message = encoding.createEncoder();
  write(message);
  const decoder = decoding.createDecoder(encoding.toUint8Array(message));
  const type = decoding.readVarUint(decoder);
  provider.messageHandlers[type]?.(encoding.createEncoder(), decoder, provider, true, type);
}

const serverStep1 = (provider: WebsocketProvider, serverDoc: Y.Doc) =>
  receive(provider, (encoder) => {
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, serverDoc);
  });

describe('the save state', () => {
  let doc: Y.Doc;
  let states: SaveState[];
  beforeEach(() => {
    vi.useFakeTimers();
    doc = new Y.Doc();
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('is saving after a local edit until the server state vector covers it', () => {
    const { provider } = buildProvider(doc);
    trackSaving(provider, doc, (state) => states.push(state));
    doc.getText('t').insert(0, 'Opening remarks');
    expect(states).toEqual(['saving']);

    serverStep1(provider, new Y.Doc());
    expect(states).toEqual(['saving']);

    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    serverStep1(provider, server);
    expect(states).toEqual(['saving', 'saved']);
  });

  it('does not count changes that came from the server', () => {
    const { provider } = buildProvider(doc);
    trackSaving(provider, doc, (state) => states.push(state));
    const other = new Y.Doc();
    other.getText('t').insert(0, 'from another note-taker');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider);
    expect(states).toEqual([]);
  });

  it('asks the server for its state once typing settles', () => {
    const { provider, sent } = buildProvider(doc);
    trackSaving(provider, doc, (state) => states.push(state));
    doc.getText('t').insert(0, 'a');
    // The update itself went out at once through the provider; the question waits for a pause.
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(2);
    const decoder = decoding.createDecoder(sent[1] ?? new Uint8Array());
    expect(decoding.readVarUint(decoder)).toBe(messageSync);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1);
  });

  it('reports changes refused by a read-only document until the server takes writes again', () => {
    const { provider } = buildProvider(doc);
    trackSaving(provider, doc, (state) => states.push(state));
    doc.getText('t').insert(0, 'late edit');
    receive(provider, (encoder) => {
      encoding.writeVarUint(encoder, messageAuth);
      authProtocol.writePermissionDenied(encoder, 'this document is read-only for you');
    });
    expect(states).toEqual(['saving', 'refused']);

    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    serverStep1(provider, server);
    expect(states).toEqual(['saving', 'refused', 'saved']);
  });

  it('gives the provider its own handlers back when it stops', () => {
    const { provider } = buildProvider(doc);
    const stock = [...provider.messageHandlers];
    const stop = trackSaving(provider, doc, () => undefined);
    expect(provider.messageHandlers[messageSync]).not.toBe(stock[messageSync]);
    stop();
    expect(provider.messageHandlers).toEqual(stock);
  });
});
