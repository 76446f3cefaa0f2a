import { CloseCode } from '@roundtable/shared';
import type { Logger } from '../logger.js';
import { INTERNAL_ERROR, type Connection } from './connection.js';
import type { CollabDocument } from './document.js';
import { decodeMessage, MalformedMessageError } from './protocol.js';

/**
 * Stock clients echo every awareness batch they receive back to the server (their awareness
 * 'update' event fires for remote states too). Those echoes are legitimate and cheap to skip, so
 * they cost a quarter message; an awareness message that changes a state costs a full one.
 */
const AWARENESS_ECHO_COST = 0.25;

/**
 * Handles one message of a connection on a loaded document: decode, rate-limit, dispatch. Anything
 * that is not the protocol closes only this connection with `CloseCode.MalformedMessage`; an
 * unexpected fault closes it with 1011 and is logged. Nothing here may throw.
 */
export function handleMessage(
  doc: CollabDocument,
  conn: Connection,
  data: Buffer,
  deps: { now(): number; logger: Logger },
): void {
  const now = deps.now();
  try {
    const message = decodeMessage(data);
    if (!conn.takeTokens(message.type === 'awareness' ? AWARENESS_ECHO_COST : 1, now)) {
      conn.close(CloseCode.RateLimited, 'too many messages');
      return;
    }
    switch (message.type) {
      case 'sync-step1':
        doc.answerSyncStep1(conn, message.stateVector, now);
        break;
      case 'sync-step2':
      case 'update':
        doc.applyClientUpdate(conn, message.update, now);
        break;
      case 'awareness':
        if (doc.applyClientAwareness(conn, message.update, now) > 0) {
          if (!conn.takeTokens(1 - AWARENESS_ECHO_COST, now))
            conn.close(CloseCode.RateLimited, 'too many messages');
        }
        break;
      case 'query-awareness':
        doc.sendAwarenessStates(conn, now);
        break;
      case 'auth':
        break;
    }
  } catch (err) {
    if (err instanceof MalformedMessageError) {
      deps.logger.debug(
        { doc: doc.name, person: conn.grant.personId, err: err.message },
        'malformed message',
      );
      conn.close(CloseCode.MalformedMessage, 'malformed message');
    } else {
      deps.logger.error({ err, doc: doc.name }, 'handling a document message failed');
      conn.close(INTERNAL_ERROR, 'internal error');
    }
  }
}
