import { describe, expect, it } from 'vitest';
import { admissionOf } from '@roundtable/shared';
import { applyLobbyCommand, initialLobbyState } from './core.js';

const isAdmittedIn = (...args: Parameters<typeof admissionOf>): boolean =>
  admissionOf(...args) === 'admitted';

const lobbyRoom = { lobbyEnabled: true };
const openRoom = { lobbyEnabled: false };

describe('the lobby', () => {
  it('keeps people waiting until they are admitted', () => {
    let { state } = applyLobbyCommand(initialLobbyState(), { type: 'wait', personId: 'a', name: 'A' }, 10);
    expect(state.waiting).toEqual([{ personId: 'a', name: 'A', since: 10 }]);
    expect(isAdmittedIn(state, 'a', lobbyRoom, false)).toBe(false);
    const admitted = applyLobbyCommand(state, { type: 'admit', personIds: ['a'] }, 20);
    state = admitted.state;
    expect(admitted.result.admitted).toEqual(['a']);
    expect(state.waiting).toEqual([]);
    expect(isAdmittedIn(state, 'a', lobbyRoom, false)).toBe(true);
  });

  it('admits everyone waiting at once', () => {
    let state = initialLobbyState();
    for (const id of ['a', 'b', 'c'])
      state = applyLobbyCommand(state, { type: 'wait', personId: id, name: id }, 1).state;
    const { state: after, result } = applyLobbyCommand(state, { type: 'admit-all' }, 2);
    expect(result.admitted).toEqual(['a', 'b', 'c']);
    expect(after.admitted).toEqual(['a', 'b', 'c']);
    expect(after.waiting).toEqual([]);
  });

  it('returns the same state when someone already waiting asks again, so no new version is made', () => {
    const { state } = applyLobbyCommand(initialLobbyState(), { type: 'wait', personId: 'a', name: 'A' }, 1);
    expect(applyLobbyCommand(state, { type: 'wait', personId: 'a', name: 'A' }, 2).state).toBe(state);
  });

  it('keeps a removed person out until readmitted, even in a room without a lobby', () => {
    const { state } = applyLobbyCommand(initialLobbyState(), { type: 'remove', personId: 'a' }, 1);
    expect(isAdmittedIn(state, 'a', openRoom, false)).toBe(false);
    expect(isAdmittedIn(state, 'b', openRoom, false)).toBe(true);
    const readmitted = applyLobbyCommand(state, { type: 'admit', personIds: ['a'] }, 2).state;
    expect(isAdmittedIn(readmitted, 'a', openRoom, false)).toBe(true);
  });

  it('never holds back moderators', () => {
    const { state } = applyLobbyCommand(initialLobbyState(), { type: 'remove', personId: 'chair' }, 1);
    expect(isAdmittedIn(state, 'chair', lobbyRoom, true)).toBe(true);
  });
});
