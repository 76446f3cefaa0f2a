import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  canInRoom,
  ErrorCode,
  docName,
  parseDocName,
  type DocKind,
  type MaybeActor,
  type Room,
  type RoomAction,
  type RoomFacts,
} from '@roundtable/shared';
import type { RoomGuard, RoomPass } from '../access/guard.js';
import { verifyWsToken } from '../auth/tokens.js';
import type { Grant } from './connection.js';
import { colorFor } from './identity.js';

/** The door's answer: a grant, or the HTTP status the upgrade is refused with. */
export type DoorDecision =
  | { ok: true; grant: Grant; pass: RoomPass }
  | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/** The rule-book actions that open a document for reading and for writing. */
export const DOC_ACTIONS: Record<DocKind, { read: RoomAction; write: RoomAction }> = {
  agenda: { read: 'agenda:read', write: 'agenda:write' },
  minutes: { read: 'minutes:read', write: 'minutes:write' },
};

/** What a person may do with one of a room's documents. Pure: every rule is the rule book's. */
export function decideDocAccess(
  actor: MaybeActor,
  room: Room,
  kind: DocKind,
  facts: RoomFacts,
): { read: boolean; write: boolean } {
  const read = canInRoom(actor, DOC_ACTIONS[kind].read, room, facts);
  return { read, write: read && canInRoom(actor, DOC_ACTIONS[kind].write, room, facts) };
}

/** Whether a pass the guard granted for reading `kind` also lets its holder write it. */
export const mayWriteDoc = (pass: RoomPass, kind: DocKind): boolean => pass.may(DOC_ACTIONS[kind].write);

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
 * Authorizes an upgrade before the handshake: a valid websocket token, an existing document kind,
 * a person the store knows, and the room guard's pass to read that document (admission included).
 * The connection is then held under the guard's re-check (see the collab module).
 */
export async function authorizeUpgrade(
  req: http.IncomingMessage,
  deps: { guard: RoomGuard; secret: Uint8Array; now: number; basePath: string },
): Promise<DoorDecision> {
  const target = parseUpgradeUrl(req.url ?? '/', deps.basePath);
  const address = target ? parseDocName(target.name) : null;
  if (!target || !address) return refuse(404, ErrorCode.NotFound, 'No such document.');
  const claims = await verifyWsToken(deps.secret, target.token, deps.now);
  if (!claims) return refuse(401, ErrorCode.Unauthenticated, 'A valid websocket token is required.');
  if (!(await deps.guard.person(claims.sub)))
    return refuse(401, ErrorCode.Unauthenticated, 'Unknown person.');
  const decision = await deps.guard.decide(claims.sub, address.roomId, DOC_ACTIONS[address.kind].read);
  if (!decision.ok) {
    const { status, code } = decision.refusal;
    return refuse(status, code, status === 404 ? 'No such room.' : 'You have no access to this document.');
  }
  const { pass } = decision;
  return {
    ok: true,
    pass,
    grant: {
      address,
      docName: docName(address.roomId, address.kind),
      personId: claims.sub,
      canWrite: mayWriteDoc(pass, address.kind),
      user: { personId: claims.sub, name: claims.name, color: colorFor(claims.sub), role: pass.role },
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
