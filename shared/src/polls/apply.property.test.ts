import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPollCommand, tallyPoll, voterKeyOf, type PollActor, type PollCommand } from './apply.js';
import { initialPollsState, type PollKind, type PollsState, type PollVoting } from './state.js';

const actor = (id: string, delegationId: string | null, moderator = false, voter = true): PollActor => ({
  personId: id,
  name: `Name ${id}`,
  delegationId,
  delegationLabel: delegationId ? `Side ${delegationId}` : null,
  moderator,
  voter,
});

const CHAIR = actor('chair', 'd1', true);
const VOTERS: PollActor[] = [
  actor('a', 'd1'),
  actor('b', 'd1'),
  actor('c', 'd2'),
  actor('d', 'd2'),
  actor('e', 'd3'),
  actor('f', null),
  CHAIR,
];
const OBSERVER = actor('obs', 'd3', false, false);

type Step =
  | { kind: 'vote'; voter: number; choices: number[] }
  | { kind: 'close' }
  | { kind: 'publish' }
  | { kind: 'observer-vote'; choices: number[] };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('vote' as const),
      voter: fc.nat({ max: VOTERS.length - 1 }),
      choices: fc.array(fc.nat({ max: 4 }), { minLength: 0, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'publish' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('observer-vote' as const),
      choices: fc.array(fc.nat({ max: 3 })),
    }),
  },
);

const specArb = fc.record({
  kind: fc.constantFrom<PollKind>('yes_no_abstain', 'single', 'multiple'),
  voting: fc.constantFrom<PollVoting>('person', 'delegation'),
  anonymous: fc.boolean(),
});

interface Run {
  states: PollsState[];
  accepted: { step: Step; at: number }[];
}

function run(spec: { kind: PollKind; voting: PollVoting; anonymous: boolean }, steps: Step[]): Run {
  const created = applyPollCommand(
    initialPollsState(),
    {
      type: 'create',
      spec: { question: 'Adopt the text?', options: ['A', 'B', 'C'], ...spec },
    },
    CHAIR,
    0,
  );
  if ('error' in created) throw new Error(created.error.code);
  let state = created.state;
  const states = [state];
  const accepted: Run['accepted'] = [];
  steps.forEach((step, i) => {
    const at = i + 1;
    const [command, who]: [PollCommand, PollActor] =
      step.kind === 'vote'
        ? [{ type: 'vote', pollId: 'p1', choices: step.choices }, VOTERS[step.voter]!]
        : step.kind === 'observer-vote'
          ? [{ type: 'vote', pollId: 'p1', choices: step.choices }, OBSERVER]
          : step.kind === 'close'
            ? [{ type: 'close', pollId: 'p1' }, CHAIR]
            : [{ type: 'publish', pollId: 'p1', agendaItemId: null }, CHAIR];
    const result = applyPollCommand(state, command, who, at);
    if ('error' in result) return;
    state = result.state;
    states.push(state);
    accepted.push({ step, at });
  });
  return { states, accepted };
}

describe('polls, for any sequence of ballots', () => {
  it('count one ballot per person or delegation: its last accepted one', () => {
    fc.assert(
      fc.property(specArb, fc.array(stepArb, { maxLength: 60 }), (spec, steps) => {
        const { states, accepted } = run(spec, steps);
        const last = states[states.length - 1]!.polls[0]!;
        // The expected tally, rebuilt from the accepted ballots before the poll closed.
        const closeIndex = accepted.findIndex((a) => a.step.kind === 'close');
        const ballots = new Map<string, number[]>();
        for (const [i, a] of accepted.entries()) {
          if (closeIndex !== -1 && i > closeIndex) break;
          if (a.step.kind !== 'vote') continue;
          const key = voterKeyOf(last, VOTERS[a.step.voter]!);
          if (key) ballots.set(key, [...new Set(a.step.choices)]);
        }
        const tally = last.result ?? tallyPoll(last);
        expect(tally.ballots).toBe(ballots.size);
        const expected = tally.counts.map(
          (_, option) => [...ballots.values()].filter((choices) => choices.includes(option)).length,
        );
        expect(tally.counts).toEqual(expected);
        if (spec.kind !== 'multiple') expect(tally.counts.reduce((a, b) => a + b, 0)).toBe(ballots.size);
      }),
    );
  });

  it('freeze the results when the poll closes, and forget anonymous ballots', () => {
    fc.assert(
      fc.property(specArb, fc.array(stepArb, { maxLength: 60 }), (spec, steps) => {
        const { states } = run(spec, steps);
        const closedAt = states.findIndex((s) => s.polls[0]!.status !== 'open');
        if (closedAt === -1) return;
        const frozen = states[closedAt]!.polls[0]!.result;
        expect(frozen).not.toBeNull();
        for (const later of states.slice(closedAt)) {
          expect(later.polls[0]!.result).toEqual(frozen);
          if (spec.anonymous) expect(later.polls[0]!.ballots).toEqual({});
        }
      }),
    );
  });

  it('replay to the same state from the same commands', () => {
    fc.assert(
      fc.property(specArb, fc.array(stepArb, { maxLength: 40 }), (spec, steps) => {
        expect(run(spec, steps).states).toEqual(run(spec, steps).states);
      }),
    );
  });

  it('never accept a ballot from someone who cannot vote, nor a delegation ballot without a delegation', () => {
    fc.assert(
      fc.property(specArb, fc.array(stepArb, { maxLength: 40 }), (spec, steps) => {
        const { accepted } = run(spec, steps);
        expect(accepted.some((a) => a.step.kind === 'observer-vote')).toBe(false);
        if (spec.voting === 'delegation') {
          const withoutDelegation = VOTERS.findIndex((v) => v.delegationId === null);
          expect(accepted.some((a) => a.step.kind === 'vote' && a.step.voter === withoutDelegation)).toBe(
            false,
          );
        }
      }),
    );
  });
});
