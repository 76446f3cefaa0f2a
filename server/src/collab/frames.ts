/*
 * Broadcasts write one pre-built websocket frame to every socket. `ws.send()` would build a new
 * header, cork, write twice and uncork per receiver; at hundreds of readers per edit that per-send
 * work is most of the server's user CPU. The frame is built once per message here and written
 * whole. This is safe beside `ws`'s own sender because, without permessage-deflate and without
 * Blob payloads, `ws` writes each of its frames synchronously and never queues: frames from the
 * two writers interleave only at frame boundaries. Callers check `readyState === OPEN` first so
 * nothing follows a close frame.
 */

/** A complete, unmasked, final binary frame (server-to-client frames are never masked). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82; // FIN + binary opcode
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerLength);
  return frame;
}
