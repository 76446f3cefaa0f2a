import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createCoEditorsStore, WRITING_NOW_MS } from './useCoEditors';

const user = (name: string, role: string) => ({ personId: `p-${name}`, name, color: '#336699', role });

/** A provider stand-in: our document and awareness, and another writer's document beside it. */
function setup() {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = { doc, awareness, synced: true } as unknown as WebsocketProvider;
  const other = new Y.Doc();
  const otherAwareness = new Awareness(other);
  otherAwareness.setLocalState({ user: user('Thomas Reed', 'note_taker') });
  awareness.setLocalState({ user: user('MORI Hana', 'note_taker') });
  // Their presence arrives, as the provider would apply it.
  awareness.getStates().set(other.clientID, otherAwareness.getLocalState() ?? {});
  awareness.emit('change', [{ added: [other.clientID], updated: [], removed: [] }, 'remote']);
  const typeFromOther = (text: string) => {
    const before = Y.encodeStateVector(doc);
    other.getText('t').insert(0, text);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), provider);
  };
  return { provider, typeFromOther };
}

afterEach(() => vi.useRealTimers());

describe('"Writing now"', () => {
  it('lists a co-writer only for a few seconds after they typed, not for being there', () => {
    vi.useFakeTimers();
    let clock = 1_000_000;
    const { provider, typeFromOther } = setup();
    const store = createCoEditorsStore(provider, () => clock);
    const unsubscribe = store.subscribe(() => undefined);
    expect(store.getSnapshot()).toEqual([]);

    typeFromOther('Japan presented');
    expect(store.getSnapshot().map((u) => u.name)).toEqual(['Thomas Reed']);

    clock += WRITING_NOW_MS + 1;
    vi.advanceTimersByTime(1000);
    expect(store.getSnapshot()).toEqual([]);
    unsubscribe();
  });
});
