import { MinutesEvents, MinutesWorkflowPushSchema, type MinutesWorkflow } from '@roundtable/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { request } from '../realtime/request';
import { useRoomChannel, type RoomChannel } from '../realtime/useRoomChannel';
import { fetchWorkflow, reportKeys } from './api';

/**
 * Mounted users of each room's workflow. Watching is one membership per socket on the server, so
 * the last user, not the first to leave, unwatches (the editor and the workflow panel both follow).
 */
const users = new Map<string, number>();

/** Transitions pushed by the server (any instance); the view with `can` is refetched on each. */
const workflowChannel: RoomChannel<MinutesWorkflow> = {
  subscribe: (socket, roomId) => request(socket, MinutesEvents.Watch, { roomId }),
  unsubscribe: (socket, roomId) => {
    if ((users.get(roomId) ?? 0) > 0 || !socket.connected) return;
    request(socket, MinutesEvents.Unwatch, { roomId }).catch(() => undefined);
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
 * anyone (another co-chair approving) arrives over Socket.IO and the view is read again. Every
 * user of one room shares the cached view.
 */
export function useWorkflow(roomId: string) {
  // Declared before the channel: on unmount its cleanup runs first, so `unsubscribe` sees the count
  // without this user.
  useEffect(() => {
    users.set(roomId, (users.get(roomId) ?? 0) + 1);
    return () => {
      const left = (users.get(roomId) ?? 1) - 1;
      if (left > 0) users.set(roomId, left);
      else users.delete(roomId);
    };
  }, [roomId]);
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
