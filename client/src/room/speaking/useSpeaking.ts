import { SpeakingEvents, type SpeakingStatePush, type SpeakingTimeUp } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { request } from '../../realtime/request';
import { releaseSocket, retainSocket } from '../../realtime/socket';
import { useRoomChannel, type RoomChannel } from '../../realtime/useRoomChannel';

const speakingChannel: RoomChannel<SpeakingStatePush> = {
  subscribe: (socket, roomId) => request(socket, SpeakingEvents.Subscribe, { roomId }),
  unsubscribe: (socket, roomId) => {
    if (socket.connected) request(socket, SpeakingEvents.Unsubscribe, { roomId }).catch(() => undefined);
  },
  listen: (socket, roomId, onPush) => {
    const handleState = (push: SpeakingStatePush) => {
      if (push.roomId === roomId) onPush(push);
    };
    socket.on(SpeakingEvents.State, handleState);
    return () => {
      socket.off(SpeakingEvents.State, handleState);
    };
  },
};

export interface SpeakingView {
  push: SpeakingStatePush | null;
  error: unknown;
  /** The last time-up signal of this room, to announce it. */
  timeUp: SpeakingTimeUp | null;
}

/** The room's speaking order as the server holds it, live, and its time-up signals. */
export function useSpeaking(roomId: string): SpeakingView {
  const { value, error } = useRoomChannel(speakingChannel, roomId);
  const [timeUp, setTimeUp] = useState<SpeakingTimeUp | null>(null);

  useEffect(() => {
    const socket = retainSocket();
    const handleTimeUp = (signal: SpeakingTimeUp) => {
      if (signal.roomId === roomId) setTimeUp(signal);
    };
    socket.on(SpeakingEvents.TimeUp, handleTimeUp);
    return () => {
      socket.off(SpeakingEvents.TimeUp, handleTimeUp);
      releaseSocket();
    };
  }, [roomId]);

  return { push: value, error, timeUp };
}
