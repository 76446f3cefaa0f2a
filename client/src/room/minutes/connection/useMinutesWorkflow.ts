import { MinutesEvents, MinutesWorkflowPushSchema, type MinutesWorkflow } from '@roundtable/shared';
import { request } from '../../../realtime/request';
import { useRoomChannel, type RoomChannel } from '../../../realtime/useRoomChannel';

const minutesChannel: RoomChannel<MinutesWorkflow> = {
  subscribe: (socket, roomId) => request(socket, MinutesEvents.Watch, { roomId }),
  unsubscribe: (socket, roomId) => {
    if (socket.connected) request(socket, MinutesEvents.Unwatch, { roomId }).catch(() => undefined);
  },
  listen: (socket, roomId, onPush) => {
    const handleWorkflow = (push: MinutesWorkflow) => {
      const parsed = MinutesWorkflowPushSchema.safeParse(push);
      if (parsed.success && parsed.data.roomId === roomId) onPush(parsed.data);
    };
    socket.on(MinutesEvents.Workflow, handleWorkflow);
    return () => {
      socket.off(MinutesEvents.Workflow, handleWorkflow);
    };
  },
};

/**
 * The minutes' workflow (draft, submitted, approved, published), live. Null until the server
 * answered, and while it cannot (then the Yjs connection's refusals still show read-only).
 */
export function useMinutesWorkflow(roomId: string): MinutesWorkflow | null {
  return useRoomChannel(minutesChannel, roomId).value;
}
