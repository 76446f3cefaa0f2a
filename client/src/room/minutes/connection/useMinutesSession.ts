import { DocKind } from '@roundtable/shared';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { openRoomDoc, type RoomDocConnection, type RoomDocStatus } from '../../../realtime/roomDoc';
import { trackSaving, type SaveState } from './saveTracker';

export interface MinutesSnapshot {
  /** The open document and its provider; null until opened (and after closing). */
  connection: RoomDocConnection | null;
  status: RoomDocStatus;
  save: SaveState;
}

const CLOSED: MinutesSnapshot = { connection: null, status: 'connecting', save: 'saved' };

/**
 * One room's minutes document while a panel shows it. Constructing it opens nothing (React may
 * construct and drop it while rendering); `open` connects and returns the function that closes.
 */
class MinutesSession {
  private snapshot = CLOSED;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly roomId: string) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  open(): () => void {
    // One Y.Doc for the panel's whole life: the connection fetches a new token for every reconnect
    // but keeps the document, so edits made while offline are sent when it comes back.
    const connection = openRoomDoc(this.roomId, DocKind.Minutes, (status) => this.publish({ status }));
    const stopTracking = trackSaving(connection.provider, connection.doc, (save) => this.publish({ save }));
    this.publish({ connection });
    return () => {
      stopTracking();
      connection.destroy();
      this.publish(CLOSED);
    };
  }

  private publish(next: Partial<MinutesSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }
}

/** The room's minutes document, open while the calling component is mounted and `enabled`. */
export function useMinutesSession(roomId: string, enabled: boolean): MinutesSnapshot {
  const session = useMemo(() => new MinutesSession(roomId), [roomId]);
  useEffect(() => (enabled ? session.open() : undefined), [session, enabled]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);

  // Changes not yet on the server live only in this tab: warn before the tab is closed.
  const unsaved = snapshot.save === 'saving';
  useEffect(() => {
    if (!unsaved) return;
    const handleBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', handleBeforeUnload);
    return () => window.removeEventListener('beforeunload', handleBeforeUnload);
  }, [unsaved]);

  return snapshot;
}
