import type { PresenceEntry } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { initialPresence, presentPeople, reducePresence, type PresenceAction } from './presenceState';

function buildEntry(personId: string, patch: Partial<PresenceEntry> = {}): PresenceEntry {
  return {
    personId,
    name: personId,
    side: 'Japan',
    delegationName: { en: 'Japan — Government', ja: '' },
    category: 'government',
    role: 'participant',
    since: 1,
    inMedia: false,
    connections: 1,
    ...patch,
  };
}
const run = (actions: PresenceAction[]) => actions.reduce(reducePresence, initialPresence);
const names = (actions: PresenceAction[]) => presentPeople(run(actions)).map((e) => e.personId);

describe('presence on the client', () => {
  it('applies a join pushed before the snapshot once the snapshot arrives', () => {
    expect(
      names([
        {
          type: 'delta',
          delta: { type: 'upsert', version: 3, entry: buildEntry('b', { since: 2 }) },
          generation: 0,
        },
        {
          type: 'snapshot',
          presence: { roomId: 'r', version: 2, entries: [buildEntry('a')] },
          generation: 0,
        },
      ]),
    ).toEqual(['a', 'b']);
  });

  it('drops deltas the snapshot already contains', () => {
    expect(
      names([
        { type: 'delta', delta: { type: 'left', version: 2, personId: 'a' }, generation: 0 },
        {
          type: 'snapshot',
          presence: { roomId: 'r', version: 3, entries: [buildEntry('a')] },
          generation: 0,
        },
      ]),
    ).toEqual(['a']);
  });

  it('does not bring back someone who left when an older join arrives late', () => {
    expect(
      names([
        { type: 'snapshot', presence: { roomId: 'r', version: 1, entries: [] }, generation: 0 },
        { type: 'delta', delta: { type: 'left', version: 5, personId: 'a' }, generation: 0 },
        { type: 'delta', delta: { type: 'upsert', version: 4, entry: buildEntry('a') }, generation: 0 },
      ]),
    ).toEqual([]);
  });

  it('updates a present person in place (media flag)', () => {
    const state = run([
      { type: 'snapshot', presence: { roomId: 'r', version: 1, entries: [buildEntry('a')] }, generation: 0 },
      {
        type: 'delta',
        delta: { type: 'upsert', version: 2, entry: buildEntry('a', { inMedia: true }) },
        generation: 0,
      },
    ]);
    expect(state.entries.get('a')?.inMedia).toBe(true);
  });

  it('starts over after a reconnect: the new snapshot replaces everyone', () => {
    expect(
      names([
        {
          type: 'snapshot',
          presence: { roomId: 'r', version: 9, entries: [buildEntry('a')] },
          generation: 0,
        },
        {
          type: 'snapshot',
          presence: { roomId: 'r', version: 1, entries: [buildEntry('b')] },
          generation: 1,
        },
        { type: 'delta', delta: { type: 'upsert', version: 10, entry: buildEntry('c') }, generation: 0 },
      ]),
    ).toEqual(['b']);
  });
});
