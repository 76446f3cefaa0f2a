import { PresenceEvents, type EventCounts, type RoomCount } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { request } from '../realtime/request';
import { keepSubscribed } from '../realtime/keepSubscribed';
import { releaseSocket, retainSocket } from '../realtime/socket';
import { mergeRoomCounts } from './presenceCounts';

const NONE: ReadonlyMap<string, RoomCount> = new Map();

/**
 * How many people are in each room of an event right now, live. The server only counts rooms the
 * viewer may enter. Without an event id nothing is watched.
 */
export function usePresenceCounts(eventId: string | null): ReadonlyMap<string, RoomCount> {
  const [counts, setCounts] = useState(NONE);

  useEffect(() => {
    if (!eventId) return;
    const socket = retainSocket();
    const subscription = keepSubscribed(
      socket,
      () => request(socket, PresenceEvents.WatchEvent, { eventId }),
      // After a reconnect the snapshot is the truth: counts may have gone down meanwhile.
      (snapshot) => setCounts(mergeRoomCounts(NONE, snapshot.rooms)),
      // Counts are a courtesy beside the links; the page works without them.
      () => undefined,
    );
    const handleCounts = (push: EventCounts) => {
      if (push.eventId === eventId) setCounts((held) => mergeRoomCounts(held, push.rooms));
    };
    socket.on(PresenceEvents.Counts, handleCounts);
    return () => {
      subscription.stop();
      socket.off(PresenceEvents.Counts, handleCounts);
      if (socket.connected) request(socket, PresenceEvents.UnwatchEvent, { eventId }).catch(() => undefined);
      releaseSocket();
    };
  }, [eventId]);

  return counts;
}
