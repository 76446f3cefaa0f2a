import { describe, expect, it } from 'vitest';
import { applyPollCommand, viewPoll, type PollActor } from './apply.js';
import { initialPollsState, PollErrorCode, type PollsState } from './state.js';

const chair: PollActor = {
  personId: 'chair',
  name: 'Chair',
  delegationId: 'jp',
  delegationLabel: 'Japan',
  moderator: true,
  voter: true,
};
const delegate = (id: string, delegationId: string, label: string): PollActor => ({
  personId: id,
  name: `Delegate ${id}`,
  delegationId,
  delegationLabel: label,
  moderator: false,
  voter: true,
});

function ok(result: ReturnType<typeof applyPollCommand>): PollsState {
  if ('error' in result) throw new Error(result.error.code);
  return result.state;
}

const open = (voting: 'person' | 'delegation', anonymous = false) =>
  ok(
    applyPollCommand(
      initialPollsState(),
      {
        type: 'create',
        spec: { question: 'Adopt?', kind: 'yes_no_abstain', options: [], anonymous, voting },
      },
      chair,
      1,
    ),
  );

describe('a delegation poll', () => {
  it('counts the last ballot of each delegation, whoever of its members cast it', () => {
    let s = open('delegation');
    s = ok(
      applyPollCommand(s, { type: 'vote', pollId: 'p1', choices: [0] }, delegate('a', 'jp', 'Japan'), 2),
    );
    s = ok(
      applyPollCommand(s, { type: 'vote', pollId: 'p1', choices: [1] }, delegate('b', 'jp', 'Japan'), 3),
    );
    s = ok(
      applyPollCommand(
        s,
        { type: 'vote', pollId: 'p1', choices: [2] },
        delegate('c', 'us', 'United States'),
        4,
      ),
    );
    s = ok(applyPollCommand(s, { type: 'close', pollId: 'p1' }, chair, 5));
    expect(s.polls[0]!.result).toEqual({
      counts: [0, 1, 1],
      ballots: 2,
      named: [[], ['Japan'], ['United States']],
    });
  });

  it('shows live counts to co-chairs only, and results to everyone once published', () => {
    let s = open('person');
    s = ok(
      applyPollCommand(s, { type: 'vote', pollId: 'p1', choices: [0] }, delegate('a', 'jp', 'Japan'), 2),
    );
    const reader = { moderator: false, personId: 'a', delegationId: 'jp' };
    expect(viewPoll(s.polls[0]!, reader)).toMatchObject({ result: null, mine: [0] });
    expect(viewPoll(s.polls[0]!, { ...reader, moderator: true, personId: 'chair' }).result?.counts).toEqual([
      1, 0, 0,
    ]);
    s = ok(applyPollCommand(s, { type: 'close', pollId: 'p1' }, chair, 3));
    expect(viewPoll(s.polls[0]!, reader).result).toBeNull();
    s = ok(applyPollCommand(s, { type: 'publish', pollId: 'p1', agendaItemId: 'item-2' }, chair, 4));
    expect(viewPoll(s.polls[0]!, reader).result?.counts).toEqual([1, 0, 0]);
    expect(s.polls[0]!.agendaItemId).toBe('item-2');
  });

  it('refuses publishing before closing, voting after closing, and participants running polls', () => {
    let s = open('person');
    const publish = applyPollCommand(s, { type: 'publish', pollId: 'p1', agendaItemId: null }, chair, 2);
    expect(publish).toMatchObject({ error: { code: PollErrorCode.PollNotClosed } });
    s = ok(applyPollCommand(s, { type: 'close', pollId: 'p1' }, chair, 3));
    const late = applyPollCommand(
      s,
      { type: 'vote', pollId: 'p1', choices: [0] },
      delegate('a', 'jp', 'J'),
      4,
    );
    expect(late).toMatchObject({ error: { code: PollErrorCode.PollNotOpen } });
    const byDelegate = applyPollCommand(s, { type: 'close', pollId: 'p1' }, delegate('a', 'jp', 'J'), 5);
    expect(byDelegate).toMatchObject({ error: { code: PollErrorCode.Forbidden } });
  });

  it('refuses two options in a single-choice poll and out-of-range options', () => {
    const s = open('person');
    const who = delegate('a', 'jp', 'J');
    expect(applyPollCommand(s, { type: 'vote', pollId: 'p1', choices: [0, 1] }, who, 2)).toMatchObject({
      error: { code: PollErrorCode.InvalidChoice },
    });
    expect(applyPollCommand(s, { type: 'vote', pollId: 'p1', choices: [3] }, who, 2)).toMatchObject({
      error: { code: PollErrorCode.InvalidChoice },
    });
  });
});
