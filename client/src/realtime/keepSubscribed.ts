import { ClientErrorCode, RealtimeError } from './request';
import { onEveryConnect, type RealtimeSocket } from './socket';
import { setSubscriptionDegraded } from './status';

export interface Subscription {
  /** Stops resubscribing and drops answers still on their way. */
  stop: () => void;
  /** Which connection round this is; pushes tagged with it sort out stale answers. */
  generation: () => number;
}

/** Backoff of the retries after a refused subscription: first, then doubling up to the last. */
export const SUBSCRIBE_RETRY_INITIAL_MS = 500;
export const SUBSCRIBE_RETRY_MAX_MS = 15_000;

/**
 * Subscribes now when connected and again after every reconnect (the server forgets a socket's
 * subscriptions when it drops). Each round is a new generation, so a snapshot can replace what
 * was held before the reconnect while pushes of the same round are compared by version.
 *
 * A refused or failed subscription (e.g. `unavailable` while the server reconnects to its
 * database, or no answer in time) is tried again with backoff until it succeeds; meanwhile the
 * subscription counts as degraded, which the connection banner shows. Without a connection it
 * waits for the next one instead.
 */
export function keepSubscribed<T>(
  socket: RealtimeSocket,
  subscribe: () => Promise<T>,
  onSnapshot: (value: T, generation: number) => void,
  onError: (err: unknown) => void,
): Subscription {
  let generation = 0;
  let active = true;
  let failing = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = SUBSCRIBE_RETRY_INITIAL_MS;
  const setFailing = (next: boolean): void => {
    if (failing === next) return;
    failing = next;
    setSubscriptionDegraded(next);
  };
  const attempt = (): void => {
    clearTimeout(retryTimer);
    generation += 1;
    const current = generation;
    subscribe()
      .then((value) => {
        if (!active || current !== generation) return;
        retryDelay = SUBSCRIBE_RETRY_INITIAL_MS;
        setFailing(false);
        onSnapshot(value, current);
      })
      .catch((err: unknown) => {
        if (!active || current !== generation) return;
        setFailing(true);
        onError(err);
        // Offline: the next connect subscribes again by itself.
        if (err instanceof RealtimeError && err.code === ClientErrorCode.Offline) return;
        retryTimer = setTimeout(attempt, retryDelay);
        retryDelay = Math.min(retryDelay * 2, SUBSCRIBE_RETRY_MAX_MS);
      });
  };
  const stopResubscribing = onEveryConnect(socket, () => {
    retryDelay = SUBSCRIBE_RETRY_INITIAL_MS;
    attempt();
  });
  return {
    stop: () => {
      active = false;
      clearTimeout(retryTimer);
      setFailing(false);
      stopResubscribing();
    },
    generation: () => generation,
  };
}
