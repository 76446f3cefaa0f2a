import { MinutesEvents, MinutesWorkflowPushSchema, type MinutesWorkflow } from '@roundtable/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { request } from '../realtime/request';
import { useRoomChannel, type RoomChannel } from '../realtime/useRoomChannel';
import { fetchWorkflow, reportKeys } from './api';

/** Transitions pushed by the server (any instance); the view with `can` is refetched on each. */
const workflowChannel: RoomChannel<MinutesWorkflow> = {
  subscribe: (socket, roomId) => request(socket, MinutesEvents.Watch, { roomId }),
  unsubscribe: (socket, roomId) => {
    if (socket.connected) request(socket, MinutesEvents.Unwatch, { roomId }).catch(() => undefined);
  },
  listen: (socket, roomId, onPush) => {
    const handlePush = (push: MinutesWorkflow) => {
      const parsed = MinutesWorkflowPushSchema.safeParse(push);
      if (parsed.success && parsed.data.roomId === roomId) onPush(parsed.data);
    };
    socket.on(MinutesEvents.Workflow, handlePush);
    return () => {
      socket.off(MinutesEvents.Workflow, handlePush);
    };
  },
};

/**
 * The minutes' workflow as the viewer may act on it (`can`), kept current: a transition made by
 * anyone (another co-chair approving) arrives over Socket.IO and the view is read again.
 */
export function useWorkflow(roomId: string) {
  const queryClient = useQueryClient();
  const view = useQuery({
    queryKey: reportKeys.workflow(roomId),
    queryFn: ({ signal }) => fetchWorkflow(roomId, signal),
  });
  const pushed = useRoomChannel(workflowChannel, roomId).value;
  const known = view.data?.version;
  useEffect(() => {
    if (pushed && known !== undefined && pushed.version > known) {
      void queryClient.invalidateQueries({ queryKey: reportKeys.workflow(roomId) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.versions(roomId) });
    }
  }, [pushed, known, roomId, queryClient]);
  return view;
}
