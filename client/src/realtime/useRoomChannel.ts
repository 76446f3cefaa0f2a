import { useEffect, useReducer, useState } from 'react';
import { keepSubscribed } from './keepSubscribed';
import { releaseSocket, retainSocket, type RealtimeSocket } from './socket';
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
    const subscription = keepSubscribed(
      socket,
      () => channel.subscribe(socket, roomId),
      (value, generation) => {
        setError(null);
        dispatch({ type: 'snapshot', value, generation });
      },
      (err) => setError(err),
    );
    const stopListening = channel.listen(socket, roomId, (value) => {
      dispatch({ type: 'push', value, generation: subscription.generation() });
    });
    return () => {
      subscription.stop();
      stopListening();
      channel.unsubscribe(socket, roomId);
      releaseSocket();
    };
  }, [channel, roomId]);

  return { value: held.value, error };
}
