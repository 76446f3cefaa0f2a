import type { DocKind } from '@roundtable/shared';
import type * as Y from 'yjs';
import { openRoomDoc, type RoomDocConnection, type RoomDocStatus } from './roomDoc';

export interface RoomDocSnapshot<T> {
  value: T;
  status: RoomDocStatus;
}

/** A room document as an external store for `useSyncExternalStore`, opened while retained. */
export interface RoomDocStore<T> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => RoomDocSnapshot<T>;
  /** The live document to edit; null while closed. */
  doc: () => Y.Doc | null;
  retain: () => void;
  release: () => void;
}

/** Closing waits this long, so a re-mount (React's strict mode, quick navigation) keeps the connection. */
const LINGER_MS = 1000;

/**
 * Builds a store over one of a room's documents: `read` turns the document into the value screens
 * render, re-read on every update. Creating the store opens nothing; `retain` does.
 */
export function createRoomDocStore<T>(
  roomId: string,
  kind: DocKind,
  read: (doc: Y.Doc) => T,
  empty: T,
): RoomDocStore<T> {
  const listeners = new Set<() => void>();
  let snapshot: RoomDocSnapshot<T> = { value: empty, status: 'connecting' };
  let connection: RoomDocConnection | null = null;
  let users = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = (next: Partial<RoomDocSnapshot<T>>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    doc: () => connection?.doc ?? null,
    retain: () => {
      users += 1;
      clearTimeout(closeTimer);
      if (connection) return;
      const opened = openRoomDoc(roomId, kind, (status) => publish({ status }));
      opened.doc.on('update', () => publish({ value: read(opened.doc) }));
      connection = opened;
    },
    release: () => {
      users = Math.max(0, users - 1);
      if (users > 0) return;
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => {
        if (users > 0 || !connection) return;
        connection.destroy();
        connection = null;
        snapshot = { value: empty, status: 'connecting' };
      }, LINGER_MS);
    },
  };
}
