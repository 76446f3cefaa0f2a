import type { ClientToServerEvents } from '@roundtable/shared';
import { useCallback, useState } from 'react';
import { request, type PayloadOf, type ResultOf } from './request';
import { getSocket } from './socket';

export interface LiveCommand {
  /** Sends a command; resolves with its result, or undefined when it failed (see `error`). */
  run<E extends keyof ClientToServerEvents>(
    event: E,
    payload: PayloadOf<E>,
  ): Promise<ResultOf<E> | undefined>;
  /** The last failure, shown beside the controls that caused it; cleared by the next command. */
  error: unknown;
  pending: boolean;
}

/** Sends socket commands for a group of controls and keeps their last failure to show. */
export function useCommand(): LiveCommand {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async <E extends keyof ClientToServerEvents>(
      event: E,
      payload: PayloadOf<E>,
    ): Promise<ResultOf<E> | undefined> => {
      setPending(true);
      setError(null);
      try {
        return await request(getSocket(), event, payload);
      } catch (err) {
        setError(err);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [],
  );
  return { run, error, pending };
}
