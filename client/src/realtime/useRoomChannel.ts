import { useEffect, useReducer, useState } from 'react';
import { onEveryConnect, releaseSocket, retainSocket, type RealtimeSocket } from './socket';
import { initialVersioned, reduceVersioned } from './versioned';

/**
 * A server-owned, versioned state of one room that the client subscribes to. Define channels at
 * module level: the hook resubscribes whenever the channel object changes.
 */
export interface RoomChannel<T extends { version: number }> {
  subscribe(socket: RealtimeSocket, roomId: string): Promise<T>;
  unsubscribe(socket: RealtimeSocket, roomId: string): void;
  /** Registers the push listener for this room; returns the function that removes it. */
  listen(socket: RealtimeSocket, roomId: string, onPush: (value: T) => void): () => void;
}

export interface RoomChannelState<T extends { version: number }> {
  value: T | null;
  /** Why the last subscription failed; cleared by the next success. */
  error: unknown;
}

/**
 * Subscribes to a room channel while mounted, and again after every reconnect: the server forgets a
 * socket's subscriptions when it drops, and the snapshot that answers the new subscription replaces
 * the local state, so the page comes back to the server's state without a reload.
 */
export function useRoomChannel<T extends { version: number }>(
  channel: RoomChannel<T>,
  roomId: string,
): RoomChannelState<T> {
  const [held, dispatch] = useReducer(reduceVersioned<T>, undefined, initialVersioned<T>);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const socket = retainSocket();
    let generation = 0;
    let active = true;
    const stopListening = channel.listen(socket, roomId, (value) => {
      dispatch({ type: 'push', value, generation });
    });
    const stopResubscribing = onEveryConnect(socket, () => {
      generation += 1;
      const current = generation;
      channel
        .subscribe(socket, roomId)
        .then((value) => {
          if (!active) return;
          setError(null);
          dispatch({ type: 'snapshot', value, generation: current });
        })
        .catch((err: unknown) => {
          if (active) setError(err);
        });
    });
    return () => {
      active = false;
      stopResubscribing();
      stopListening();
      channel.unsubscribe(socket, roomId);
      releaseSocket();
    };
  }, [channel, roomId]);

  return { value: held.value, error };
}
