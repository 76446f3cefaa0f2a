import { AgendaEvents, PresenceEvents, SpeakingEvents } from '@roundtable/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { releaseSocket, retainSocket } from '../realtime/socket';
import { roomKeys } from './api';

/**
 * Whether the server withdrew the viewer's access to the room while it was open (a changed access
 * rule or role): presence, agenda and speaking each say so for the subscriptions they drop. A
 * removal by a co-chair is the lobby's to show (`useLobbyGate`).
 */
export function useAccessWithdrawn(roomId: string): boolean {
  const queryClient = useQueryClient();
  const [withdrawn, setWithdrawn] = useState(false);

  useEffect(() => {
    const socket = retainSocket();
    const handleWithdrawn = (notice: { roomId: string; reason: string }) => {
      if (notice.roomId !== roomId || notice.reason !== 'access_changed') return;
      setWithdrawn(true);
      // The room and the event's room list answer differently now.
      void queryClient.invalidateQueries({ queryKey: roomKeys.room(roomId) });
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    };
    socket.on(PresenceEvents.Removed, handleWithdrawn);
    socket.on(AgendaEvents.Unsubscribed, handleWithdrawn);
    socket.on(SpeakingEvents.Unsubscribed, handleWithdrawn);
    return () => {
      socket.off(PresenceEvents.Removed, handleWithdrawn);
      socket.off(AgendaEvents.Unsubscribed, handleWithdrawn);
      socket.off(SpeakingEvents.Unsubscribed, handleWithdrawn);
      releaseSocket();
    };
  }, [roomId, queryClient]);

  return withdrawn;
}
