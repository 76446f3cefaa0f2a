import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import { messageAuth, messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * `saved`: the server holds every change made here. `saving`: some are not confirmed yet (on their
 * way, or waiting for the connection). `refused`: the server drops our changes (read-only minutes).
 */
export type SaveState = 'saved' | 'saving' | 'refused';

/** Ask the server for its state this long after the last local change (typing settles first). */
const ASK_AFTER_MS = 400;
/** Ask again when no answer came, or the answer still lacked something. */
const ASK_AGAIN_MS = 1500;

/** Whether a state vector `server` includes every change counted in `local`. */
export function coversStateVector(server: Map<number, number>, local: Map<number, number>): boolean {
  for (const [client, clock] of local) {
    if ((server.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * Tells whether local changes reached the server. y-websocket sends updates blindly and has no
 * acknowledgement, so after local changes we send a sync step 1: for a writer, the server answers
 * with its own state vector (a step 1 back), and once that vector covers ours the server has
 * everything. The same check runs on the step 1 the server sends after every (re)connect, which
 * is when edits made offline are delivered. Returns the function that stops tracking.
 */
export function trackSaving(
  provider: WebsocketProvider,
  doc: Y.Doc,
  onChange: (state: SaveState) => void,
): () => void {
  let state: SaveState = 'saved';
  let dirty = false;
  let refused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    const next: SaveState = refused ? 'refused' : dirty ? 'saving' : 'saved';
    if (next === state) return;
    state = next;
    onChange(next);
  };
  const askLater = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(askServer, delay);
  };
  const askServer = () => {
    const ws = provider.ws;
    // While disconnected there is nobody to ask: the step 1 after reconnecting answers instead.
    if (!dirty || !provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
    askLater(ASK_AGAIN_MS);
  };
  const handleServerVector = (server: Map<number, number>) => {
    // Only a writable document asks writers for their state: the server takes our changes again.
    refused = false;
    if (dirty && coversStateVector(server, Y.decodeStateVector(Y.encodeStateVector(doc)))) {
      dirty = false;
      clearTimeout(timer);
    } else if (dirty) {
      // The stock handler answers this step 1 with what the server lacks; confirm it arrived.
      askLater(ASK_AGAIN_MS);
    }
    publish();
  };

  const handleUpdate = (_update: Uint8Array, origin: unknown) => {
    // Updates applied by the provider came from the server; everything else was made here.
    if (origin === provider) return;
    dirty = true;
    publish();
    askLater(ASK_AFTER_MS);
  };

  const stockSync = provider.messageHandlers[messageSync];
  provider.messageHandlers[messageSync] = (encoder, decoder, target, emitSynced, messageType) => {
    // Peek at a copy: the stock handler must read the message from the start.
    const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
    if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) {
      handleServerVector(Y.decodeStateVector(decoding.readVarUint8Array(peek)));
    }
    stockSync?.(encoder, decoder, target, emitSynced, messageType);
  };
  const stockAuth = provider.messageHandlers[messageAuth];
  // The server says "permission denied" when it drops a write (the minutes were submitted).
  // Replacing the stock handler also keeps its console warning out of the browser console.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, () => {
      refused = true;
      publish();
    });
  };
  doc.on('update', handleUpdate);

  return () => {
    clearTimeout(timer);
    doc.off('update', handleUpdate);
    if (stockSync) provider.messageHandlers[messageSync] = stockSync;
    if (stockAuth) provider.messageHandlers[messageAuth] = stockAuth;
  };
}
