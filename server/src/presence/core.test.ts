import { describe, expect, it } from 'vitest';
import {
  aggregatePresence,
  applyPresenceOp,
  connectionField,
  countPresence,
  diffPresence,
  versionOf,
  type ConnectionRecord,
  type RoomFields,
} from './core.js';

const record = (
  personId: string,
  since: number,
  overrides: Partial<ConnectionRecord> = {},
): ConnectionRecord => ({
  personId,
  name: `Person ${personId}`,
  side: null,
  delegationName: null,
  category: null,
  role: 'participant',
  since,
  ...overrides,
});

const apply = (fields: RoomFields, ...ops: Parameters<typeof applyPresenceOp>[1][]): RoomFields =>
  ops.reduce<RoomFields>((state, op) => applyPresenceOp(state, op), fields);

describe('presence core', () => {
  it('shows the latest role of a person whose tabs joined before and after a role change', () => {
    const fields = apply(
      new Map(),
      { kind: 'add', connectionId: 'a:1', record: record('p', 100, { role: 'participant' }) },
      { kind: 'add', connectionId: 'b:1', record: record('p', 200, { role: 'co_chair' }) },
    );
    expect(aggregatePresence(fields)).toEqual([
      { ...record('p', 100, { role: 'co_chair' }), inMedia: false, connections: 2 },
    ]);
  });

  it('orders people by arrival', () => {
    const fields = apply(
      new Map(),
      { kind: 'add', connectionId: 'a:1', record: record('late', 300) },
      { kind: 'add', connectionId: 'a:2', record: record('early', 100) },
    );
    expect(aggregatePresence(fields).map((e) => e.personId)).toEqual(['early', 'late']);
  });

  it('skips a corrupted connection record instead of failing the room', () => {
    const fields = new Map([
      [connectionField('a:1'), '{not json'],
      [connectionField('a:2'), JSON.stringify({ personId: 'x' })],
      [connectionField('a:3'), JSON.stringify(record('ok', 1))],
    ]);
    expect(aggregatePresence(fields).map((e) => e.personId)).toEqual(['ok']);
  });

  it('removes only the dead instance’s connections and announces only the people who had no other', () => {
    const before = apply(
      new Map(),
      { kind: 'add', connectionId: 'dead:1', record: record('gone', 100) },
      { kind: 'add', connectionId: 'dead:2', record: record('stays', 100) },
      { kind: 'add', connectionId: 'live:1', record: record('stays', 150) },
      { kind: 'add', connectionId: 'deadly:1', record: record('other', 100) },
    );
    const after = applyPresenceOp(before, { kind: 'remove-instance', instanceId: 'dead' });
    expect(diffPresence(before, after)).toMatchObject([
      { kind: 'updated', entry: { personId: 'stays', connections: 1, since: 150 } },
      { kind: 'left', personId: 'gone' },
    ]);
  });

  it('changes neither fields nor version for an op with no effect', () => {
    const before = apply(new Map(), { kind: 'add', connectionId: 'a:1', record: record('p', 1) });
    for (const op of [
      { kind: 'remove', connectionId: 'a:9' } as const,
      { kind: 'media', personId: 'p', inMedia: false } as const,
      { kind: 'remove-instance', instanceId: 'b' } as const,
    ]) {
      const after = applyPresenceOp(before, op);
      expect(after).toEqual(before);
      expect(diffPresence(before, after)).toEqual([]);
    }
    expect(versionOf(before)).toBe(1);
  });

  it('counts people and those of them in the audio/video, ignoring media flags of absent people', () => {
    const fields = apply(
      new Map(),
      { kind: 'add', connectionId: 'a:1', record: record('p', 1) },
      { kind: 'add', connectionId: 'a:2', record: record('q', 1) },
      { kind: 'media', personId: 'q', inMedia: true },
      { kind: 'media', personId: 'absent', inMedia: true },
    );
    expect(countPresence(fields)).toEqual({ people: 2, inMedia: 1 });
  });
});
