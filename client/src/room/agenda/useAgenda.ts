import { AgendaEvents, DocKind, readAgenda, type AgendaItem, type AgendaState } from '@roundtable/shared';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { request } from '../../realtime/request';
import { createRoomDocStore, type RoomDocSnapshot, type RoomDocStore } from '../../realtime/roomDocStore';
import { useRoomChannel, type RoomChannel } from '../../realtime/useRoomChannel';

const NO_ITEMS: AgendaItem[] = [];
const stores = new Map<string, RoomDocStore<AgendaItem[]>>();

/** One store per room for the whole page, so every component edits the same document. */
function agendaStore(roomId: string): RoomDocStore<AgendaItem[]> {
  let store = stores.get(roomId);
  if (!store) {
    store = createRoomDocStore(roomId, DocKind.Agenda, readAgenda, NO_ITEMS);
    stores.set(roomId, store);
  }
  return store;
}

export interface AgendaDoc extends RoomDocSnapshot<AgendaItem[]> {
  store: RoomDocStore<AgendaItem[]>;
}

/** The room's agenda items, live from its Y.Doc, and the store to edit them through. */
export function useAgendaDoc(roomId: string): AgendaDoc {
  const store = useMemo(() => agendaStore(roomId), [roomId]);
  useEffect(() => {
    store.retain();
    return () => store.release();
  }, [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...snapshot, store };
}

const agendaChannel: RoomChannel<AgendaState> = {
  subscribe: (socket, roomId) => request(socket, AgendaEvents.Subscribe, { roomId }),
  unsubscribe: (socket, roomId) => {
    if (socket.connected) request(socket, AgendaEvents.Unsubscribe, { roomId }).catch(() => undefined);
  },
  listen: (socket, roomId, onPush) => {
    const handleState = (state: AgendaState) => {
      if (state.roomId === roomId) onPush(state);
    };
    socket.on(AgendaEvents.State, handleState);
    return () => {
      socket.off(AgendaEvents.State, handleState);
    };
  },
};

/** Which item runs since when: server state, the same on every screen. */
export function useAgendaState(roomId: string) {
  return useRoomChannel(agendaChannel, roomId);
}
