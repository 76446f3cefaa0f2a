import { onEveryConnect, type RealtimeSocket } from './socket';

export interface Subscription {
  /** Stops resubscribing and drops answers still on their way. */
  stop: () => void;
  /** Which connection round this is; pushes tagged with it sort out stale answers. */
  generation: () => number;
}

/**
 * Subscribes now when connected and again after every reconnect (the server forgets a socket's
 * subscriptions when it drops). Each round is a new generation, so a snapshot can replace what
 * was held before the reconnect while pushes of the same round are compared by version.
 */
export function keepSubscribed<T>(
  socket: RealtimeSocket,
  subscribe: () => Promise<T>,
  onSnapshot: (value: T, generation: number) => void,
  onError: (err: unknown) => void,
): Subscription {
  let generation = 0;
  let active = true;
  const stopResubscribing = onEveryConnect(socket, () => {
    generation += 1;
    const current = generation;
    subscribe()
      .then((value) => {
        if (active) onSnapshot(value, current);
      })
      .catch((err: unknown) => {
        if (active) onError(err);
      });
  });
  return {
    stop: () => {
      active = false;
      stopResubscribing();
    },
    generation: () => generation,
  };
}
