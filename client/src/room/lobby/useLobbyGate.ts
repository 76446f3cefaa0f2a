import { LobbyEvents } from '@roundtable/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../../realtime/request';
import { getSocket, onEveryConnect, releaseSocket, retainSocket } from '../../realtime/socket';

export type GateStatus = 'pending' | 'admitted' | 'waiting' | 'removed';

export interface LobbyGate {
  status: GateStatus;
  error: unknown;
  /** After a removal: ask to be admitted again (the person waits in the lobby). */
  askAgain: () => void;
}

/**
 * The door of a room: asks to enter on every (re)connect, and follows admission and removal. A
 * room without a lobby admits at once; a removed person needs admission again in any room.
 */
export function useLobbyGate(roomId: string): LobbyGate {
  const [status, setStatus] = useState<GateStatus>('pending');
  const [error, setError] = useState<unknown>(null);
  // Read by socket handlers, not by rendering: a reconnect must not put a removed person back in
  // the lobby, and leaving the page ends a wait (so co-chairs do not admit someone who has gone).
  const flags = useRef({ removed: false, waiting: false });

  const join = useCallback(() => {
    const current = flags.current;
    request(getSocket(), LobbyEvents.Join, { roomId })
      .then((result) => {
        current.waiting = result.status === 'waiting';
        setError(null);
        setStatus(result.status);
      })
      .catch((err: unknown) => setError(err));
  }, [roomId]);

  useEffect(() => {
    const socket = retainSocket();
    const current = flags.current;
    const handleAdmitted = (notice: { roomId: string }) => {
      if (notice.roomId !== roomId) return;
      current.removed = false;
      current.waiting = false;
      setStatus('admitted');
    };
    const handleRemoved = (notice: { roomId: string }) => {
      if (notice.roomId !== roomId) return;
      current.removed = true;
      setStatus('removed');
    };
    socket.on(LobbyEvents.Admitted, handleAdmitted);
    socket.on(LobbyEvents.Removed, handleRemoved);
    const stop = onEveryConnect(socket, () => {
      if (!current.removed) join();
    });
    return () => {
      stop();
      socket.off(LobbyEvents.Admitted, handleAdmitted);
      socket.off(LobbyEvents.Removed, handleRemoved);
      if (current.waiting && socket.connected) {
        request(socket, LobbyEvents.Leave, { roomId }).catch(() => undefined);
      }
      releaseSocket();
    };
  }, [roomId, join]);

  const askAgain = useCallback(() => {
    flags.current.removed = false;
    join();
  }, [join]);

  return { status, error, askAgain };
}
