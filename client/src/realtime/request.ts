import type { Ack, ClientToServerEvents, Command } from '@roundtable/shared';
import type { RealtimeSocket } from './socket';

/** Codes the client itself produces, beside the server's. */
export const ClientErrorCode = {
  /** Not connected: the command was not sent (a queued command would run late, out of context). */
  Offline: 'offline',
  /** No acknowledgement in time; the server may or may not have applied it. */
  Timeout: 'timeout',
} as const;

/** A refused or failed socket command: the server's `{ code, message }`, or one of ours. */
export class RealtimeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RealtimeError';
  }
}

type EventName = keyof ClientToServerEvents;
/** The payload a command takes. */
export type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
/** What a command acknowledges with on success. */
export type ResultOf<E extends EventName> =
  ClientToServerEvents[E] extends Command<infer _P, infer R> ? R : never;

/**
 * Sends a command and resolves with its acknowledged data; rejects with a `RealtimeError` when the
 * server refuses, the answer does not come in time, or there is no connection to send it on.
 */
export async function request<E extends EventName>(
  socket: RealtimeSocket,
  event: E,
  payload: PayloadOf<E>,
): Promise<ResultOf<E>> {
  if (!socket.connected) {
    throw new RealtimeError(ClientErrorCode.Offline, 'Not connected to the server.');
  }
  // The typed overloads cannot follow a generic event name; the contract is enforced by the types
  // of `event` and `payload` above.
  const emit = socket.emitWithAck.bind(socket) as unknown as (
    event: E,
    payload: PayloadOf<E>,
  ) => Promise<Ack<ResultOf<E>>>;
  let ack: Ack<ResultOf<E>>;
  try {
    ack = await emit(event, payload);
  } catch {
    throw new RealtimeError(ClientErrorCode.Timeout, 'The server did not answer in time.');
  }
  if (!ack.ok) throw new RealtimeError(ack.error.code, ack.error.message, ack.error.details);
  return ack.data;
}
