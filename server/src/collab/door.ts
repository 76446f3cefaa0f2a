import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode, docName, parseDocName, type DocKind, type Room } from '@roundtable/shared';
import { canInRoom, roomRoleOf, type MaybeActor, type RoomContext } from '../access/can.js';
import { loadActor } from '../access/load-actor.js';
import { verifyWsToken } from '../auth/tokens.js';
import { findRoom } from '../events/store.js';
import type { Db } from '../store/db.js';
import type { Grant } from './connection.js';
import { colorFor } from './identity.js';

/** The door's answer: a grant, or the HTTP status the upgrade is refused with. */
export type DoorDecision =
  { ok: true; grant: Grant } | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/** What a person may do with one of a room's documents. Pure: every rule is in `can.ts`. */
export function decideDocAccess(
  actor: MaybeActor,
  room: Room,
  kind: DocKind,
  context: RoomContext = {},
): { read: boolean; write: boolean } {
  const read = canInRoom(actor, kind === 'agenda' ? 'agenda:read' : 'minutes:read', room, context);
  const write = read && canInRoom(actor, kind === 'agenda' ? 'agenda:write' : 'minutes:write', room, context);
  return { read, write };
}

/** `/yjs/<roomId>/<kind>?token=…` → the document and the token (the y-websocket URL shape). */
export function parseUpgradeUrl(
  url: string,
  basePath: string,
): { name: string; token: string | null } | null {
  const parsed = new URL(url, 'http://door.invalid');
  if (!parsed.pathname.startsWith(`${basePath}/`)) return null;
  try {
    return {
      name: decodeURIComponent(parsed.pathname.slice(basePath.length + 1)),
      token: parsed.searchParams.get('token'),
    };
  } catch {
    return null;
  }
}

const refuse = (status: 401 | 403 | 404, code: string, message: string): DoorDecision => ({
  ok: false,
  status,
  code,
  message,
});

/**
 * Authorizes an upgrade before the handshake: a valid websocket token, an existing room and
 * document kind, a person the store knows, and read access to that document. Roles are read from
 * the store on every connection, so a changed role takes effect on the next connect.
 */
export async function authorizeUpgrade(
  req: http.IncomingMessage,
  deps: { db: Db; secret: Uint8Array; now: number; basePath: string; roomContext?: RoomContext },
): Promise<DoorDecision> {
  const target = parseUpgradeUrl(req.url ?? '/', deps.basePath);
  const address = target ? parseDocName(target.name) : null;
  if (!target || !address) return refuse(404, ErrorCode.NotFound, 'No such document.');
  const claims = await verifyWsToken(deps.secret, target.token, deps.now);
  if (!claims) return refuse(401, ErrorCode.Unauthenticated, 'A valid websocket token is required.');
  const [room, actor] = await Promise.all([
    findRoom(deps.db, address.roomId),
    loadActor(deps.db, claims.sub),
  ]);
  if (!actor) return refuse(401, ErrorCode.Unauthenticated, 'Unknown person.');
  if (!room) return refuse(404, ErrorCode.NotFound, 'No such room.');
  const access = decideDocAccess(actor, room, address.kind, deps.roomContext);
  if (!access.read) return refuse(403, ErrorCode.Forbidden, 'You have no access to this document.');
  return {
    ok: true,
    grant: {
      address,
      docName: docName(address.roomId, address.kind),
      personId: actor.personId,
      canWrite: access.write,
      user: {
        personId: actor.personId,
        name: claims.name,
        color: colorFor(actor.personId),
        role: roomRoleOf(actor, room) ?? 'participant',
      },
    },
  };
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Answers the upgrade request with a plain HTTP error (`{ error: { code, message } }`) and closes. */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
