import { describe, expect, it } from 'vitest';
import { initialVersioned, reduceVersioned, type Versioned, type VersionedAction } from './versioned';

interface State {
  version: number;
  label: string;
}
const at = (version: number, label = `v${version}`): State => ({ version, label });
const run = (actions: VersionedAction<State>[]): Versioned<State> =>
  actions.reduce(reduceVersioned<State>, initialVersioned<State>());

describe('a server-owned state on the client', () => {
  it('keeps the newest version when pushes arrive out of order', () => {
    const held = run([
      { type: 'snapshot', value: at(3), generation: 0 },
      { type: 'push', value: at(5), generation: 0 },
      { type: 'push', value: at(4), generation: 0 },
    ]);
    expect(held.value?.version).toBe(5);
  });

  it('keeps a push that overtook the subscription snapshot', () => {
    const held = run([
      { type: 'push', value: at(7), generation: 0 },
      { type: 'snapshot', value: at(6), generation: 0 },
    ]);
    expect(held.value?.version).toBe(7);
  });

  it('takes the first snapshot after a reconnect even when its version is lower (a restarted server)', () => {
    const held = run([
      { type: 'snapshot', value: at(9), generation: 0 },
      { type: 'snapshot', value: at(2, 'after restart'), generation: 1 },
    ]);
    expect(held.value).toEqual(at(2, 'after restart'));
  });

  it('ignores a late answer from before the reconnect', () => {
    const held = run([
      { type: 'snapshot', value: at(2), generation: 1 },
      { type: 'push', value: at(8), generation: 0 },
    ]);
    expect(held.value?.version).toBe(2);
  });
});
