import {
  PresenceEvents,
  type PresenceEntry,
  type PresenceEntryPush,
  type PresenceLeftPush,
} from '@roundtable/shared';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { request } from '../../realtime/request';
import { keepSubscribed } from '../../realtime/keepSubscribed';
import { releaseSocket, retainSocket } from '../../realtime/socket';
import { initialPresence, presentPeople, reducePresence } from './presenceState';

export interface PresenceView {
  /** Null until the first snapshot arrived. */
  people: PresenceEntry[] | null;
  error: unknown;
}

/**
 * Enters the room's presence while mounted (again after every reconnect) and follows who joins
 * and leaves, on every server instance.
 */
export function usePresence(roomId: string): PresenceView {
  const [state, dispatch] = useReducer(reducePresence, initialPresence);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const socket = retainSocket();
    const subscription = keepSubscribed(
      socket,
      () => request(socket, PresenceEvents.Join, { roomId }),
      (presence, generation) => {
        setError(null);
        dispatch({ type: 'snapshot', presence, generation });
      },
      (err) => setError(err),
    );
    const handleUpsert = (push: PresenceEntryPush) => {
      if (push.roomId !== roomId) return;
      const delta = { type: 'upsert' as const, version: push.version, entry: push.entry };
      dispatch({ type: 'delta', delta, generation: subscription.generation() });
    };
    const handleLeft = (push: PresenceLeftPush) => {
      if (push.roomId !== roomId) return;
      const delta = { type: 'left' as const, version: push.version, personId: push.personId };
      dispatch({ type: 'delta', delta, generation: subscription.generation() });
    };
    socket.on(PresenceEvents.Joined, handleUpsert);
    socket.on(PresenceEvents.Updated, handleUpsert);
    socket.on(PresenceEvents.Left, handleLeft);
    return () => {
      subscription.stop();
      socket.off(PresenceEvents.Joined, handleUpsert);
      socket.off(PresenceEvents.Updated, handleUpsert);
      socket.off(PresenceEvents.Left, handleLeft);
      if (socket.connected) request(socket, PresenceEvents.Leave, { roomId }).catch(() => undefined);
      releaseSocket();
    };
  }, [roomId]);

  const people = useMemo(() => (state.snapshotVersion === null ? null : presentPeople(state)), [state]);
  return { people, error };
}
