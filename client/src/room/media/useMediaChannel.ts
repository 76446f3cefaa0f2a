import { MediaEvents, type MediaError, type MediaPermission } from '@roundtable/shared';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { request } from '../../realtime/request';
import { onEveryConnect, releaseSocket, retainSocket } from '../../realtime/socket';

/** Media failures kept on screen at most; older ones are dropped first. */
const MAX_FAILURES = 5;
/** Numbers failures across the page, so a key never repeats. */
let failuresSeen = 0;

/** A failure as shown: numbered, since the same failure may be reported twice. */
export interface ReportedFailure {
  id: number;
  failure: MediaError;
}

export interface MediaChannel {
  /** The server counts the viewer as a moderator of the room's media (mute, remove, errors). */
  moderator: boolean;
  /** Failed LiveKit calls the server reported to the room's moderators, oldest first. */
  failures: ReportedFailure[];
  dismissFailure: (id: number) => void;
}

/**
 * Follows the room's `media:*` events on the page's one socket while mounted, and subscribes again
 * after every reconnect: the server forgets a socket's channels when it drops, and a floor granted
 * meanwhile would otherwise never turn this person's microphone on.
 */
export function useMediaChannel(
  roomId: string,
  onPermission: (permission: MediaPermission) => void,
): MediaChannel {
  const [moderator, setModerator] = useState(false);
  const [failures, setFailures] = useState<ReportedFailure[]>([]);
  const handlePermission = useEffectEvent(onPermission);

  useEffect(() => {
    const socket = retainSocket();
    let active = true;
    const handlePermissionPush = (permission: MediaPermission) => {
      if (permission.roomId === roomId) handlePermission(permission);
    };
    const handleErrorPush = (failure: MediaError) => {
      if (failure.roomId !== roomId) return;
      failuresSeen += 1;
      const id = failuresSeen;
      setFailures((shown) => [...shown.slice(1 - MAX_FAILURES), { id, failure }]);
    };
    socket.on(MediaEvents.Permission, handlePermissionPush);
    socket.on(MediaEvents.Error, handleErrorPush);
    const stopResubscribing = onEveryConnect(socket, () => {
      request(socket, MediaEvents.Subscribe, { roomId })
        .then((result) => {
          if (active) setModerator(result.moderator);
        })
        // Refused (access withdrawn) or lost with the connection: the room page shows both, and
        // the next connect subscribes again.
        .catch(() => undefined);
    });
    return () => {
      active = false;
      stopResubscribing();
      socket.off(MediaEvents.Permission, handlePermissionPush);
      socket.off(MediaEvents.Error, handleErrorPush);
      if (socket.connected) request(socket, MediaEvents.Unsubscribe, { roomId }).catch(() => undefined);
      releaseSocket();
    };
  }, [roomId]);

  const dismissFailure = useCallback((id: number) => {
    setFailures((shown) => shown.filter((each) => each.id !== id));
  }, []);

  return { moderator, failures, dismissFailure };
}
