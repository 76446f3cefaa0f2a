/** Bumped when the wire contract changes incompatibly; clients send it on connect. */
export const PROTOCOL_VERSION = 1;

/** Path of the y-websocket endpoint; the document name follows: `/yjs/<roomId>/<kind>`. */
export const YJS_PATH = '/yjs';
export const DocKind = { Agenda: 'agenda', Minutes: 'minutes' } as const;
export type DocKind = (typeof DocKind)[keyof typeof DocKind];

/** Socket.IO path (the library default, named so both sides agree). */
export const SOCKET_IO_PATH = '/socket.io';

/**
 * Application close codes for websocket connections (4000–4999 are free for applications).
 * Clients treat 4401/4403/4404 as final until they fetch a new token; the rest reconnect.
 */
export const CloseCode = {
  /** Token missing, invalid or expired. */
  Unauthorized: 4401,
  /** Authenticated but no access to this room or document. */
  Forbidden: 4403,
  /** Room or document does not exist. */
  NotFound: 4404,
  /** The person's role or access changed: reconnect to re-authorize. */
  AccessChanged: 4205,
  /** Removed from the room by a co-chair. */
  RemovedFromRoom: 4206,
  /** A message over `Limits.maxYjsMessageBytes`. */
  MessageTooLarge: 4413,
  /** The document would grow past `Limits.maxYjsDocumentBytes`. */
  DocumentTooLarge: 4414,
  /** A message that is not valid y-websocket protocol. */
  MalformedMessage: 4400,
  /** Too many messages per second. */
  RateLimited: 4429,
  /** The document already has `Limits.maxConnectionsPerDocument` connections. */
  RoomFull: 4430,
  /** The client could not keep up (send buffer over the limit). */
  Backpressure: 4431,
  /** The server is shutting down; reconnect elsewhere. */
  ServerShutdown: 4503,
  /** The document could not be loaded or stored. */
  StorageFailure: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Builds the y-websocket room name for a room's document. */
export function docName(roomId: string, kind: DocKind): string {
  return `${roomId}/${kind}`;
}
