import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectNextEntry, upcomingOrder } from './order.js';
import type { Floor, SpeakingEntry, SpeakingState, SpeechKind, Turn } from './state.js';
import { initialSpeakingState } from './state.js';

/**
 * The definition of the upcoming order: call "next" again and again on a state without the chosen
 * entry and with it on the floor. Quadratic, so only the model the fast version is checked against.
 */
function modelUpcoming(state: SpeakingState): SpeakingEntry[] {
  if (state.settings.rotation === 'off' && !state.settings.firstTimeFirst) return [...state.entries];
  const order: SpeakingEntry[] = [];
  let sim = state;
  for (;;) {
    const next = selectNextEntry(sim);
    if (!next) return order;
    order.push(next);
    sim = { ...sim, entries: sim.entries.filter((e) => e !== next), floor: floorOf(next) };
  }
}

function floorOf(
  s: Pick<SpeakingEntry, 'personId' | 'name' | 'delegationId' | 'side' | 'category' | 'kind'>,
): Floor {
  return {
    personId: s.personId,
    name: s.name,
    delegationId: s.delegationId,
    side: s.side,
    category: s.category,
    kind: s.kind,
    turnId: 't',
    entryId: null,
    since: 0,
    pausedAt: null,
    pausedMs: 0,
    limitSeconds: null,
    extendedSeconds: 0,
    timeUpAt: null,
  };
}

const SIDES = ['Japan', 'United States', null] as const;
const CATEGORIES = ['government', 'private', 'international', null] as const;
interface Person {
  person: number;
  side: (typeof SIDES)[number];
  category: (typeof CATEGORIES)[number];
  kind: SpeechKind;
}
const personArb: fc.Arbitrary<Person> = fc.record({
  person: fc.integer({ min: 0, max: 11 }),
  side: fc.constantFrom(...SIDES),
  category: fc.constantFrom(...CATEGORIES),
  kind: fc.constantFrom<SpeechKind>('normal', 'normal', 'normal', 'point_of_order', 'direct_reply'),
});

/** Entries sorted by kind rank as the state invariant requires; the same person may repeat. */
const stateArb: fc.Arbitrary<SpeakingState> = fc
  .record({
    entries: fc.array(personArb, { maxLength: 30 }),
    history: fc.array(personArb, { maxLength: 10 }),
    floor: fc.option(personArb),
    rotation: fc.constantFrom('off', 'side', 'category' as const),
    firstTimeFirst: fc.boolean(),
  })
  .map(({ entries, history, floor, rotation, firstTimeFirst }) => {
    const rank = { point_of_order: 0, direct_reply: 1, normal: 2 } as const;
    const speaker = (p: Person) => ({
      personId: `p${p.person}`,
      name: `P${p.person}`,
      delegationId: null,
      side: p.side,
      category: p.category,
      kind: p.kind,
    });
    const list: SpeakingEntry[] = entries
      .map((p, i) => ({ ...speaker(p), id: `e${i}`, requestedAt: i, addedBy: `p${p.person}` }))
      .sort((a, b) => rank[a.kind] - rank[b.kind]);
    const turns: Turn[] = history.map((p, i) => ({
      ...speaker(p),
      id: `h${i}`,
      start: i,
      end: i + 1,
      durationMs: 1,
      reason: 'ended',
    }));
    return {
      ...initialSpeakingState({ rotation, firstTimeFirst }),
      entries: list,
      history: turns,
      floor: floor ? floorOf(speaker(floor)) : null,
    };
  });

describe('upcomingOrder', () => {
  it('calls everyone in the order repeated "next" would (the quadratic definition)', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(upcomingOrder(state).map((e) => e.id)).toEqual(modelUpcoming(state).map((e) => e.id));
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('orders 2,000 waiting entries with rotation and first-time speakers like the definition', () => {
    const entries: SpeakingEntry[] = Array.from({ length: 2_000 }, (_, i) => ({
      personId: `p${i % 1_500}`,
      name: `P${i}`,
      delegationId: null,
      side: SIDES[i % 3]!,
      category: CATEGORIES[(i * 7) % 4]!,
      kind: 'normal',
      id: `e${i}`,
      requestedAt: i,
      addedBy: `p${i}`,
    }));
    const state: SpeakingState = {
      ...initialSpeakingState({ rotation: 'side', firstTimeFirst: true }),
      entries,
      history: entries.slice(0, 300).map((e, i) => ({
        ...e,
        start: i,
        end: i + 1,
        durationMs: 1,
        reason: 'ended',
      })),
    };
    expect(upcomingOrder(state).map((e) => e.id)).toEqual(modelUpcoming(state).map((e) => e.id));
  }, 120_000);
});
