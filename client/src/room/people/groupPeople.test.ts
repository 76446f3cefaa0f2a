import type { PresenceEntry } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { groupBySideAndCategory } from './groupPeople';

function buildEntry(name: string, side: string | null, category: PresenceEntry['category']): PresenceEntry {
  return {
    personId: name,
    name,
    side,
    delegationName: null,
    category,
    role: 'participant',
    since: 0,
    inMedia: false,
    connections: 1,
  };
}

describe('people grouped by side and category', () => {
  it('lists sides alphabetically with government first and people outside a delegation last', () => {
    const groups = groupBySideAndCategory([
      buildEntry('Organizer', null, null),
      buildEntry('Sarah', 'United States', 'worker'),
      buildEntry('Maria', 'United States', 'government'),
      buildEntry('Yui', 'Japan', 'government'),
    ]);
    expect(
      groups.map((g) => [g.side, g.categories.map((c) => [c.category, c.people.map((p) => p.name)])]),
    ).toEqual([
      ['Japan', [['government', ['Yui']]]],
      [
        'United States',
        [
          ['government', ['Maria']],
          ['worker', ['Sarah']],
        ],
      ],
      [null, [[null, ['Organizer']]]],
    ]);
  });
});
