import { describe, expect, it } from 'vitest';
import { applyAgendaCommand, NO_CURRENT_ITEM, type CurrentItem } from './core.js';

const ORDER = ['opening', 'reports', 'closing'];
const running = (itemId: string, startedAt = 1000): CurrentItem => ({ currentItemId: itemId, startedAt });

describe('current agenda item', () => {
  it('starts the chosen item at server time', () => {
    expect(
      applyAgendaCommand(NO_CURRENT_ITEM, { kind: 'set-current', itemId: 'reports' }, ORDER, 5000),
    ).toEqual({
      state: running('reports', 5000),
      result: null,
    });
  });

  it('keeps the start time when the running item is chosen again', () => {
    const state = running('reports');
    const outcome = applyAgendaCommand(state, { kind: 'set-current', itemId: 'reports' }, ORDER, 9000);
    expect('state' in outcome && outcome.state).toBe(state);
  });

  it('refuses an item that is not on the agenda', () => {
    expect(applyAgendaCommand(NO_CURRENT_ITEM, { kind: 'set-current', itemId: 'ghost' }, ORDER, 1)).toEqual({
      error: { code: 'not_found', message: 'That item is not on the agenda.' },
    });
  });

  it('accepts any item when the order is unknown', () => {
    const outcome = applyAgendaCommand(NO_CURRENT_ITEM, { kind: 'set-current', itemId: 'ghost' }, null, 1);
    expect(outcome).toEqual({ state: running('ghost', 1), result: null });
  });

  it('clears the current item', () => {
    expect(applyAgendaCommand(running('opening'), { kind: 'set-current', itemId: null }, ORDER, 1)).toEqual({
      state: NO_CURRENT_ITEM,
      result: null,
    });
  });

  it('advances from nothing to the first item, then item by item, then to the end', () => {
    let state = NO_CURRENT_ITEM;
    const seen: (string | null)[] = [];
    for (let now = 1; now <= 4; now++) {
      const outcome = applyAgendaCommand(state, { kind: 'advance' }, ORDER, now);
      if (!('state' in outcome)) throw new Error(outcome.error.message);
      state = outcome.state;
      seen.push(state.currentItemId);
    }
    expect(seen).toEqual(['opening', 'reports', 'closing', null]);
  });

  it('moves two simultaneous “next” presses from the same item by one item only', () => {
    const state = running('opening');
    const first = applyAgendaCommand(state, { kind: 'advance', fromItemId: 'opening' }, ORDER, 2);
    if (!('state' in first)) throw new Error('first press refused');
    const second = applyAgendaCommand(first.state, { kind: 'advance', fromItemId: 'opening' }, ORDER, 3);
    expect(first.state.currentItemId).toBe('reports');
    expect(second).toEqual({ error: { code: 'conflict', message: 'The agenda has already moved on.' } });
  });

  it('cannot advance without knowing the order, from a removed item, or through an empty agenda', () => {
    expect(applyAgendaCommand(running('opening'), { kind: 'advance' }, null, 1)).toMatchObject({
      error: { code: 'validation_failed' },
    });
    expect(applyAgendaCommand(running('removed'), { kind: 'advance' }, ORDER, 1)).toMatchObject({
      error: { code: 'conflict' },
    });
    expect(applyAgendaCommand(NO_CURRENT_ITEM, { kind: 'advance' }, [], 1)).toMatchObject({
      error: { code: 'conflict' },
    });
  });
});
