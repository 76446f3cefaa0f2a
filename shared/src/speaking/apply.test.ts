import { describe, expect, it } from 'vitest';
import { applySpeakingCommand } from './apply.js';
import { SYSTEM_ACTOR, type SpeakingCommand } from './commands.js';
import { floorDeadline, floorElapsedMs, selectNextEntry, upcomingOrder } from './order.js';
import { initialSpeakingState, type SpeakingState } from './state.js';
import { buildSpeakingActor, mustApply } from './test-builders.js';

const chair = buildSpeakingActor('chair', 'moderator', 'Japan');
const jp1 = buildSpeakingActor('jp1', 'participant', 'Japan');
const jp2 = buildSpeakingActor('jp2', 'participant', 'Japan');
const us1 = buildSpeakingActor('us1', 'participant', 'United States', 'private');
const us2 = buildSpeakingActor('us2', 'participant', 'United States', 'private');
const observer = buildSpeakingActor('obs', 'observer');

function errorOf(state: SpeakingState, command: SpeakingCommand, actor = chair, now = 0): string | null {
  const result = applySpeakingCommand(state, command, actor, now);
  return 'error' in result ? result.error.code : null;
}

function raiseAll(state: SpeakingState, ...actors: (typeof jp1)[]): SpeakingState {
  return actors.reduce((s, a, i) => mustApply(s, { type: 'raise', kind: 'normal' }, a, i).state, state);
}

const names = (s: SpeakingState) => s.entries.map((e) => `${e.personId}:${e.kind}`);

describe('raising and lowering hands', () => {
  it('appends a raised hand to the end of the list with the speaker’s delegation', () => {
    const { state, events } = mustApply(initialSpeakingState(), { type: 'raise', kind: 'normal' }, us1, 42);
    expect(state.entries).toEqual([
      expect.objectContaining({ personId: 'us1', side: 'United States', kind: 'normal', requestedAt: 42 }),
    ]);
    expect(events).toEqual([{ type: 'entry-added', entry: state.entries[0] }]);
  });

  it('refuses a second hand of the same kind from one person when one entry per person is on', () => {
    const state = raiseAll(initialSpeakingState(), jp1);
    expect(errorOf(state, { type: 'raise', kind: 'normal' }, jp1)).toBe('already_on_list');
    expect(errorOf(state, { type: 'raise', kind: 'point_of_order' }, jp1)).toBeNull();
  });

  it('accepts several hands from one person when one entry per person is off', () => {
    const state = initialSpeakingState({ onePerPerson: false });
    expect(raiseAll(state, jp1, jp1).entries).toHaveLength(2);
  });

  it('puts a point of order ahead of the whole list', () => {
    let state = raiseAll(initialSpeakingState(), jp1, us1);
    state = mustApply(state, { type: 'raise', kind: 'point_of_order' }, jp2, 5).state;
    expect(names(state)).toEqual(['jp2:point_of_order', 'jp1:normal', 'us1:normal']);
  });

  it('puts a direct reply behind points of order but ahead of normal entries', () => {
    let state = raiseAll(initialSpeakingState(), jp1);
    state = mustApply(state, { type: 'raise', kind: 'point_of_order' }, us1, 5).state;
    state = mustApply(state, { type: 'raise', kind: 'direct_reply' }, jp2, 6).state;
    expect(names(state)).toEqual(['us1:point_of_order', 'jp2:direct_reply', 'jp1:normal']);
  });

  it('refuses observers', () => {
    expect(errorOf(initialSpeakingState(), { type: 'raise', kind: 'normal' }, observer)).toBe(
      'observer_cannot_speak',
    );
  });

  it('refuses normal hands on a closed list but still hears points of order', () => {
    const closed = mustApply(initialSpeakingState(), { type: 'close' }, chair, 0).state;
    expect(errorOf(closed, { type: 'raise', kind: 'normal' }, jp1)).toBe('list_closed');
    expect(errorOf(closed, { type: 'raise', kind: 'direct_reply' }, jp1)).toBe('list_closed');
    expect(errorOf(closed, { type: 'raise', kind: 'point_of_order' }, jp1)).toBeNull();
  });

  it('lowers all of one’s own hands, or one chosen entry, but never someone else’s', () => {
    let state = raiseAll(initialSpeakingState(), jp1, us1);
    state = mustApply(state, { type: 'raise', kind: 'point_of_order' }, jp1, 3).state;
    const usEntry = state.entries.find((e) => e.personId === 'us1')!;
    expect(errorOf(state, { type: 'lower', entryId: usEntry.id }, jp1)).toBe('not_your_entry');
    expect(names(mustApply(state, { type: 'lower' }, jp1, 4).state)).toEqual(['us1:normal']);
    expect(errorOf(raiseAll(initialSpeakingState(), us1), { type: 'lower' }, jp1)).toBe('not_on_list');
  });
});

describe('the floor', () => {
  it('gives the floor to the head of the list and records the turn when it ends', () => {
    let state = raiseAll(initialSpeakingState({ defaultLimitSeconds: 60 }), jp1, us1);
    const given = mustApply(state, { type: 'give' }, chair, 1000);
    expect(given.state.floor).toMatchObject({ personId: 'jp1', since: 1000, limitSeconds: 60 });
    expect(given.events).toContainEqual(
      expect.objectContaining({ type: 'floor-changed', personId: 'jp1', previousPersonId: null }),
    );
    state = mustApply(given.state, { type: 'end' }, chair, 31_000).state;
    expect(state.floor).toBeNull();
    expect(state.history).toEqual([
      expect.objectContaining({ personId: 'jp1', durationMs: 30_000, reason: 'ended' }),
    ]);
    expect(names(state)).toEqual(['us1:normal']);
  });

  it('gives the floor to a chosen entry out of order, ending the running turn', () => {
    let state = raiseAll(initialSpeakingState(), jp1, jp2, us1);
    state = mustApply(state, { type: 'give' }, chair, 0).state;
    const us = state.entries.find((e) => e.personId === 'us1')!;
    const { state: next, events } = mustApply(state, { type: 'give', entryId: us.id }, chair, 5000);
    expect(next.floor?.personId).toBe('us1');
    expect(next.history.map((t) => [t.personId, t.reason])).toEqual([['jp1', 'next']]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'floor-changed', previousPersonId: 'jp1' }),
    );
  });

  it('refuses "next" on an empty list and unknown entries', () => {
    expect(errorOf(initialSpeakingState(), { type: 'give' })).toBe('list_empty');
    expect(errorOf(initialSpeakingState(), { type: 'give', entryId: 'e99' })).toBe('entry_not_found');
  });

  it('ends only the named turn, so a stale end cannot cut off the next speaker', () => {
    const state = mustApply(raiseAll(initialSpeakingState(), jp1), { type: 'give' }, chair, 0).state;
    expect(errorOf(state, { type: 'end', turnId: 'nope' })).toBe('turn_mismatch');
    expect(errorOf(state, { type: 'end', turnId: state.floor!.turnId })).toBeNull();
    expect(errorOf(initialSpeakingState(), { type: 'end' })).toBe('no_floor');
  });

  it('excludes paused time from the turn’s duration and moves the deadline', () => {
    let state = mustApply(
      raiseAll(initialSpeakingState({ defaultLimitSeconds: 60 }), jp1),
      { type: 'give' },
      chair,
      0,
    ).state;
    state = mustApply(state, { type: 'pause' }, chair, 10_000).state;
    expect(floorDeadline(state.floor!)).toBeNull();
    expect(errorOf(state, { type: 'pause' })).toBe('already_paused');
    state = mustApply(state, { type: 'resume' }, chair, 25_000).state;
    expect(errorOf(state, { type: 'resume' })).toBe('not_paused');
    expect(floorDeadline(state.floor!)).toBe(75_000);
    expect(floorElapsedMs(state.floor!, 30_000)).toBe(15_000);
    state = mustApply(state, { type: 'end' }, chair, 40_000).state;
    expect(state.history[0]!.durationMs).toBe(25_000);
  });

  it('extends the time limit, and gives an unlimited turn a limit from now', () => {
    let state = mustApply(
      raiseAll(initialSpeakingState({ defaultLimitSeconds: 60 }), jp1),
      { type: 'give' },
      chair,
      0,
    ).state;
    state = mustApply(state, { type: 'extend', seconds: 30 }, chair, 1).state;
    expect(floorDeadline(state.floor!)).toBe(90_000);
    let unlimited = mustApply(
      raiseAll(initialSpeakingState({ defaultLimitSeconds: 0 }), jp1),
      { type: 'give' },
      chair,
      0,
    ).state;
    expect(floorDeadline(unlimited.floor!)).toBeNull();
    unlimited = mustApply(unlimited, { type: 'extend', seconds: 60 }, chair, 20_000).state;
    expect(floorDeadline(unlimited.floor!)).toBe(80_000);
  });
});

describe('time up', () => {
  const running = (autoEnd: boolean) =>
    mustApply(
      raiseAll(initialSpeakingState({ defaultLimitSeconds: 10, autoEnd }), jp1),
      { type: 'give' },
      chair,
      0,
    ).state;

  it('is refused before the deadline and accepted once after it', () => {
    const state = running(false);
    const turnId = state.floor!.turnId;
    expect(errorOf(state, { type: 'time-up', turnId }, SYSTEM_ACTOR, 9_999)).toBe('time_not_up');
    const { state: signalled, events } = mustApply(state, { type: 'time-up', turnId }, SYSTEM_ACTOR, 10_000);
    expect(events).toEqual([{ type: 'time-up', turnId, personId: 'jp1' }]);
    expect(signalled.floor?.personId).toBe('jp1');
    expect(errorOf(signalled, { type: 'time-up', turnId }, SYSTEM_ACTOR, 10_001)).toBe('already_signalled');
  });

  it('ends the turn when automatic end is on', () => {
    const state = running(true);
    const { state: ended } = mustApply(
      state,
      { type: 'time-up', turnId: state.floor!.turnId },
      SYSTEM_ACTOR,
      10_500,
    );
    expect(ended.floor).toBeNull();
    expect(ended.history[0]).toMatchObject({ personId: 'jp1', reason: 'time_up', durationMs: 10_500 });
  });

  it('can only come from the server', () => {
    const state = running(true);
    expect(errorOf(state, { type: 'time-up', turnId: state.floor!.turnId }, chair, 20_000)).toBe('forbidden');
  });
});

describe('moderating the list', () => {
  it('refuses every moderation command from participants', () => {
    const state = raiseAll(initialSpeakingState(), jp1);
    const commands: SpeakingCommand[] = [
      { type: 'give' },
      { type: 'end' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'extend', seconds: 10 },
      { type: 'move', entryId: 'e1', toIndex: 0 },
      { type: 'remove', entryId: 'e1' },
      { type: 'add', speaker: us1, kind: 'normal' },
      { type: 'readd' },
      { type: 'open' },
      { type: 'close' },
      { type: 'clear' },
      { type: 'settings', settings: { rotation: 'side' } },
    ];
    for (const command of commands) expect(errorOf(state, command, jp1)).toBe('forbidden');
  });

  it('moves an entry, keeping it inside its kind’s block', () => {
    let state = raiseAll(initialSpeakingState(), jp1, jp2, us1);
    state = mustApply(state, { type: 'raise', kind: 'point_of_order' }, us2, 9).state;
    const last = state.entries[3]!;
    state = mustApply(state, { type: 'move', entryId: last.id, toIndex: 0 }, chair, 10).state;
    expect(names(state)).toEqual(['us2:point_of_order', 'us1:normal', 'jp1:normal', 'jp2:normal']);
  });

  it('removes an entry and adds someone on their behalf even when the list is closed', () => {
    let state = raiseAll(initialSpeakingState(), jp1);
    state = mustApply(state, { type: 'close' }, chair, 1).state;
    state = mustApply(state, { type: 'add', speaker: us1, kind: 'normal' }, chair, 2).state;
    expect(state.entries[1]).toMatchObject({ personId: 'us1', addedBy: 'chair' });
    state = mustApply(state, { type: 'remove', entryId: state.entries[0]!.id }, chair, 3).state;
    expect(names(state)).toEqual(['us1:normal']);
    expect(errorOf(state, { type: 'remove', entryId: 'e404' })).toBe('entry_not_found');
  });

  it('re-adds the last speaker at the head of the normal entries', () => {
    let state = raiseAll(initialSpeakingState(), jp1, us1);
    expect(errorOf(state, { type: 'readd' })).toBe('no_previous_speaker');
    state = mustApply(state, { type: 'give' }, chair, 10).state;
    state = mustApply(state, { type: 'end' }, chair, 20).state;
    state = mustApply(state, { type: 'readd' }, chair, 30).state;
    expect(names(state)).toEqual(['jp1:normal', 'us1:normal']);
  });

  it('opens, closes and clears the list', () => {
    let state = raiseAll(initialSpeakingState(), jp1, us1);
    state = mustApply(state, { type: 'close' }, chair, 1).state;
    expect(state.settings.open).toBe(false);
    state = mustApply(state, { type: 'open' }, chair, 2).state;
    expect(state.settings.open).toBe(true);
    const cleared = mustApply(state, { type: 'clear' }, chair, 3);
    expect(cleared.state.entries).toEqual([]);
    expect(cleared.events).toEqual([{ type: 'list-cleared', count: 2 }]);
  });

  it('drops duplicate entries when one entry per person is switched on', () => {
    let state = raiseAll(initialSpeakingState({ onePerPerson: false }), jp1, us1, jp1);
    state = mustApply(state, { type: 'settings', settings: { onePerPerson: true } }, chair, 5).state;
    expect(names(state)).toEqual(['jp1:normal', 'us1:normal']);
    expect(state.entries[0]!.id).toBe('e1');
  });
});

describe('choosing who is next', () => {
  it('alternates sides with rotation on, keeping request order within each side', () => {
    let state = raiseAll(initialSpeakingState({ rotation: 'side' }), jp1, jp2, us1, us2);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      state = mustApply(state, { type: 'give' }, chair, 100 + i).state;
      order.push(state.floor!.personId);
    }
    expect(order).toEqual(['jp1', 'us1', 'jp2', 'us2']);
  });

  it('rotates by category when asked', () => {
    const gov = buildSpeakingActor('gov', 'participant', 'Japan', 'government');
    const gov2 = buildSpeakingActor('gov2', 'participant', 'United States', 'government');
    const priv = buildSpeakingActor('priv', 'participant', 'Japan', 'private');
    let state = raiseAll(initialSpeakingState({ rotation: 'category' }), gov, gov2, priv);
    state = mustApply(state, { type: 'give' }, chair, 10).state;
    expect(selectNextEntry(state)?.personId).toBe('priv');
  });

  it('prefers first-time speakers when that option is on', () => {
    let state = raiseAll(initialSpeakingState({ firstTimeFirst: true }), jp1);
    state = mustApply(state, { type: 'give' }, chair, 10).state;
    state = mustApply(state, { type: 'end' }, chair, 20).state;
    state = raiseAll(state, jp1, us1);
    expect(selectNextEntry(state)?.personId).toBe('us1');
    expect(upcomingOrder(state).map((e) => e.personId)).toEqual(['us1', 'jp1']);
  });

  it('calls points of order before anything else even with rotation on', () => {
    let state = raiseAll(initialSpeakingState({ rotation: 'side' }), jp1, us1);
    state = mustApply(state, { type: 'give' }, chair, 10).state;
    state = mustApply(state, { type: 'raise', kind: 'point_of_order' }, jp2, 11).state;
    state = mustApply(state, { type: 'give' }, chair, 12).state;
    expect(state.floor).toMatchObject({ personId: 'jp2', kind: 'point_of_order' });
  });
});
