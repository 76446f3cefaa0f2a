import { PollEvents, type PollsPush } from '@roundtable/shared';
import { request } from '../../realtime/request';
import { useRoomChannel, type RoomChannel } from '../../realtime/useRoomChannel';

const pollsChannel: RoomChannel<PollsPush> = {
  subscribe: (socket, roomId) => request(socket, PollEvents.Subscribe, { roomId }),
  unsubscribe: (socket, roomId) => {
    if (socket.connected) request(socket, PollEvents.Unsubscribe, { roomId }).catch(() => undefined);
  },
  listen: (socket, roomId, onPush) => {
    const handleState = (push: PollsPush) => {
      if (push.roomId === roomId) onPush(push);
    };
    socket.on(PollEvents.State, handleState);
    return () => {
      socket.off(PollEvents.State, handleState);
    };
  },
};

/** The room's polls as the server shows them to this reader (live counts for co-chairs only). */
export function usePolls(roomId: string) {
  return useRoomChannel(pollsChannel, roomId);
}
