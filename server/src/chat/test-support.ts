import type { Ack } from '@roundtable/shared';

/* Test-only helpers for the chat, polls and reactions integration tests. */

/** The data of an accepted acknowledgement; throws with the code of a refusal. */
export function ackData<T>(ack: Ack<unknown>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data as T;
}

/** `ok`, or the refusal's code. */
export const ackCode = (ack: Ack<unknown>): string => (ack.ok ? 'ok' : ack.error.code);
