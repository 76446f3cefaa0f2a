import type { AwarenessUser } from '@roundtable/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { stampedUser } from './carets';

/** Roles that write the minutes (`can.ts` grants `minutes:write` to them). */
const WRITER_ROLES: ReadonlySet<string> = new Set(['note_taker', 'co_chair', 'organizer']);
/** "Writing now" means an edit within this long; someone who only has the page open is not listed. */
export const WRITING_NOW_MS = 5000;
const NOBODY: AwarenessUser[] = [];
/** Only durations on this screen are measured: the monotonic clock will do. */
const screenClock = () => performance.now();

/**
 * The co-writers as an external store: awareness says who they are, the document's updates say
 * who edited when (a Yjs client id is also its awareness id). Snapshots stay stable until the
 * list of people changes.
 */
export function createCoEditorsStore(provider: WebsocketProvider | null, now: () => number) {
  let snapshot = NOBODY;
  /** Last edit seen per Yjs client id, on this screen's clock. */
  const editedAt = new Map<number, number>();
  const read = (): AwarenessUser[] => {
    if (!provider) return NOBODY;
    const { awareness } = provider;
    const recent = now() - WRITING_NOW_MS;
    const people = new Map<string, AwarenessUser>();
    awareness.getStates().forEach((state, clientId) => {
      const user = stampedUser((state as { user?: unknown }).user);
      if (clientId === awareness.clientID || !user || !WRITER_ROLES.has(user.role)) return;
      if ((editedAt.get(clientId) ?? -Infinity) < recent) return;
      people.set(user.personId, user);
    });
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  const sameAs = (next: AwarenessUser[]) =>
    next.length === snapshot.length &&
    next.every((user, i) => user.personId === snapshot[i]?.personId && user.name === snapshot[i]?.name);
  return {
    subscribe: (listener: () => void) => {
      if (!provider) return () => undefined;
      // 'change' fires on every caret move too; the list re-renders only when the people change.
      const refresh = () => {
        const next = read();
        if (sameAs(next)) return;
        snapshot = next;
        listener();
      };
      const handleUpdate = (update: Uint8Array, origin: unknown) => {
        // The first sync carries everyone's past edits: only what arrives after it is "now".
        if (origin !== provider || !provider.synced) return;
        const at = now();
        // The clients whose inserts this update carries: who typed.
        Y.parseUpdateMeta(update).from.forEach((_clock, clientId) => editedAt.set(clientId, at));
        refresh();
      };
      provider.awareness.on('change', refresh);
      provider.doc.on('update', handleUpdate);
      // People drop off the list a few seconds after their last edit, without any event.
      const timer = setInterval(refresh, 1000);
      refresh();
      return () => {
        clearInterval(timer);
        provider.awareness.off('change', refresh);
        provider.doc.off('update', handleUpdate);
      };
    },
    getSnapshot: () => snapshot,
  };
}

/**
 * The other people writing these minutes right now — who edited within the last few seconds —
 * one entry per person (several tabs count once), as the server stamped them.
 */
export function useCoEditors(provider: WebsocketProvider | null): AwarenessUser[] {
  const store = useMemo(() => createCoEditorsStore(provider, screenClock), [provider]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
