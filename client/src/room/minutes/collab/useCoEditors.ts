import type { AwarenessUser } from '@roundtable/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { stampedUser } from './carets';

/** Roles that write the minutes (`can.ts` grants `minutes:write` to them). */
const WRITER_ROLES: ReadonlySet<string> = new Set(['note_taker', 'co_chair', 'organizer']);
const NOBODY: AwarenessUser[] = [];

/** The co-editors as an external store over the provider's awareness (stable snapshots). */
function createCoEditorsStore(provider: WebsocketProvider | null) {
  let snapshot = NOBODY;
  const read = (): AwarenessUser[] => {
    if (!provider) return NOBODY;
    const { awareness } = provider;
    const people = new Map<string, AwarenessUser>();
    awareness.getStates().forEach((state, clientId) => {
      const user = stampedUser((state as { user?: unknown }).user);
      if (clientId === awareness.clientID || !user || !WRITER_ROLES.has(user.role)) return;
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
      const handleChange = () => {
        const next = read();
        if (sameAs(next)) return;
        snapshot = next;
        listener();
      };
      provider.awareness.on('change', handleChange);
      handleChange();
      return () => provider.awareness.off('change', handleChange);
    },
    getSnapshot: () => snapshot,
  };
}

/**
 * The other people writing these minutes right now, one entry per person (several tabs count
 * once), as the server stamped them. Readers follow too, but are not listed.
 */
export function useCoEditors(provider: WebsocketProvider | null): AwarenessUser[] {
  const store = useMemo(() => createCoEditorsStore(provider), [provider]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
