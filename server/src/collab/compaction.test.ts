import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesFragment, minutesPlainText } from '@roundtable/shared';
import { simulateMeeting } from './meeting-simulation.js';
import { foldUpdates } from './persistence.js';

const loaded = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};

describe('compaction drops deleted content and keeps the document', () => {
  it('a 3-hour meeting with heavy editing and version restores stores far less, with the same minutes', () => {
    const { updates, doc } = simulateMeeting(180, 12);
    const merged = Y.mergeUpdates(updates);
    const folded = foldUpdates(updates);
    // Deleted letters and replaced blocks are gone: less than half the merged size.
    expect(folded.length).toBeLessThan(merged.length / 2);
    for (const stored of [loaded(folded), loaded(merged)]) {
      expect(minutesPlainText(stored)).toBe(minutesPlainText(doc));
      expect(minutesFragment(stored).toJSON()).toBe(minutesFragment(doc).toJSON());
      // Same state vector: clients that saw any of it sync against it without resending.
      expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(doc));
    }
  });

  it('a client that edited before the compaction still merges into the folded state', () => {
    const { updates, doc } = simulateMeeting(10);
    const client = loaded(Y.encodeStateAsUpdate(doc));
    const fragment = minutesFragment(client);
    const last = fragment.get(fragment.length - 1) as Y.XmlElement;
    const text = last.get(0) as Y.XmlText | undefined;
    if (text) text.insert(0, 'Late: ');
    const server = loaded(foldUpdates(updates));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expect(minutesPlainText(server)).toBe(minutesPlainText(client));
  });

  it('keeps an update whose dependencies are missing, for when they arrive', () => {
    const { updates, doc } = simulateMeeting(1);
    const withoutFirst = updates.slice(1);
    const folded = foldUpdates(withoutFirst);
    expect(minutesPlainText(loaded(Y.mergeUpdates([updates[0]!, folded])))).toBe(minutesPlainText(doc));
  });
});
