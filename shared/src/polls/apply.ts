import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import {
  PollErrorCode,
  PollLimits,
  PollSpecSchema,
  YES_NO_ABSTAIN,
  type Ballot,
  type Poll,
  type PollsState,
  type PollTally,
  type PollView,
} from './state.js';

/** A command the pure core applies; the server fills in facts (agenda item) before applying. */
export const PollCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('create'), spec: PollSpecSchema }),
  z.object({
    type: z.literal('vote'),
    pollId: z.string(),
    choices: z.array(z.number().int().min(0)).max(PollLimits.maxOptions),
  }),
  z.object({ type: z.literal('close'), pollId: z.string() }),
  z.object({ type: z.literal('publish'), pollId: z.string(), agendaItemId: IdSchema.nullable() }),
]);
export type PollCommand = z.infer<typeof PollCommandSchema>;

/** How the core sees the one acting. `voter` is false for observers and people outside the room. */
export interface PollActor {
  personId: string;
  name: string;
  delegationId: string | null;
  /** The delegation's side, shown in named results of a delegation poll. */
  delegationLabel: string | null;
  moderator: boolean;
  voter: boolean;
}

export type PollEvent =
  | { type: 'created'; poll: Poll }
  | { type: 'voted'; pollId: string; voterKey: string; replaced: boolean }
  | { type: 'closed'; poll: Poll }
  | { type: 'published'; poll: Poll };

export type PollResult =
  { state: PollsState; events: PollEvent[] } | { error: { code: PollErrorCode; message: string } };

const refuse = (code: PollErrorCode, message: string): PollResult => ({ error: { code, message } });

/** The options a poll's choices index into. */
export function optionsOf(poll: Pick<Poll, 'kind' | 'options'>): readonly string[] {
  return poll.kind === 'yes_no_abstain' ? YES_NO_ABSTAIN : poll.options;
}

/** Whose ballot this actor casts: their own, or their delegation's. Null when they have none. */
export function voterKeyOf(
  poll: Pick<Poll, 'voting'>,
  actor: Pick<PollActor, 'personId' | 'delegationId'>,
): string | null {
  return poll.voting === 'person'
    ? `person:${actor.personId}`
    : actor.delegationId
      ? `delegation:${actor.delegationId}`
      : null;
}

/** Counts the ballots: each voter key once, with its last ballot. */
export function tallyPoll(poll: Pick<Poll, 'kind' | 'options' | 'anonymous' | 'ballots'>): PollTally {
  const options = optionsOf(poll);
  const counts = options.map(() => 0);
  const named: string[][] | null = poll.anonymous ? null : options.map(() => []);
  const ballots = Object.values(poll.ballots).sort((a, b) => a.at - b.at || a.label.localeCompare(b.label));
  for (const ballot of ballots) {
    for (const choice of ballot.choices) {
      counts[choice] = (counts[choice] ?? 0) + 1;
      named?.[choice]?.push(ballot.label);
    }
  }
  return { counts, ballots: ballots.length, named };
}

function withPoll(state: PollsState, pollId: string, change: (poll: Poll) => PollResult): PollResult {
  const poll = state.polls.find((p) => p.id === pollId);
  return poll ? change(poll) : refuse(PollErrorCode.PollNotFound, 'That poll does not exist.');
}

function replacePoll(state: PollsState, poll: Poll): PollsState {
  return { ...state, polls: state.polls.map((p) => (p.id === poll.id ? poll : p)) };
}

function vote(state: PollsState, poll: Poll, choices: number[], actor: PollActor, now: number): PollResult {
  if (!actor.voter) return refuse(PollErrorCode.CannotVote, 'You cannot vote in this room.');
  if (poll.status !== 'open') return refuse(PollErrorCode.PollNotOpen, 'This poll is closed.');
  const key = voterKeyOf(poll, actor);
  if (!key) return refuse(PollErrorCode.NoDelegation, 'This poll is by delegation, and you are not in one.');
  const count = optionsOf(poll).length;
  const unique = [...new Set(choices)].sort((a, b) => a - b);
  const single = poll.kind !== 'multiple';
  if (
    unique.length !== choices.length ||
    unique.length === 0 ||
    unique.some((c) => c >= count) ||
    (single && unique.length !== 1)
  ) {
    return refuse(
      PollErrorCode.InvalidChoice,
      single ? 'Choose exactly one option.' : 'Choose one or more different options.',
    );
  }
  const ballot: Ballot = {
    choices: unique,
    personId: actor.personId,
    name: actor.name,
    delegationId: actor.delegationId,
    label: poll.voting === 'delegation' ? (actor.delegationLabel ?? actor.name) : actor.name,
    at: now,
  };
  const replaced = key in poll.ballots;
  const next: Poll = { ...poll, ballots: { ...poll.ballots, [key]: ballot } };
  return {
    state: replacePoll(state, next),
    events: [{ type: 'voted', pollId: poll.id, voterKey: key, replaced }],
  };
}

/**
 * The polls' one state transition: pure and deterministic (ids come from `state.seq`), so every
 * instance and every replay reaches the same state. Closing freezes the tally; an anonymous poll
 * forgets who voted what at that moment, keeping only the counts.
 */
export function applyPollCommand(
  state: PollsState,
  command: PollCommand,
  actor: PollActor,
  now: number,
): PollResult {
  if (command.type !== 'vote' && !actor.moderator) {
    return refuse(PollErrorCode.Forbidden, 'Only co-chairs and organizers run polls.');
  }
  switch (command.type) {
    case 'create': {
      if (state.polls.length >= PollLimits.maxPollsPerRoom) {
        return refuse(PollErrorCode.TooManyPolls, 'This room has too many polls.');
      }
      const seq = state.seq + 1;
      const { spec } = command;
      const poll: Poll = {
        id: `p${seq}`,
        question: spec.question,
        kind: spec.kind,
        options: spec.kind === 'yes_no_abstain' ? [] : spec.options,
        anonymous: spec.anonymous,
        voting: spec.voting,
        status: 'open',
        createdBy: actor.personId,
        openedAt: now,
        closedAt: null,
        publishedAt: null,
        agendaItemId: null,
        ballots: {},
        result: null,
      };
      return { state: { polls: [...state.polls, poll], seq }, events: [{ type: 'created', poll }] };
    }
    case 'vote':
      return withPoll(state, command.pollId, (poll) => vote(state, poll, command.choices, actor, now));
    case 'close':
      return withPoll(state, command.pollId, (poll) => {
        if (poll.status !== 'open') return refuse(PollErrorCode.PollNotOpen, 'This poll is already closed.');
        const closed: Poll = {
          ...poll,
          status: 'closed',
          closedAt: now,
          result: tallyPoll(poll),
          ballots: poll.anonymous ? {} : poll.ballots,
        };
        return { state: replacePoll(state, closed), events: [{ type: 'closed', poll: closed }] };
      });
    case 'publish':
      return withPoll(state, command.pollId, (poll) => {
        if (poll.status === 'published')
          return refuse(PollErrorCode.AlreadyPublished, 'These results are already published.');
        if (poll.status !== 'closed')
          return refuse(PollErrorCode.PollNotClosed, 'Close the poll before publishing its results.');
        const published: Poll = {
          ...poll,
          status: 'published',
          publishedAt: now,
          agendaItemId: command.agendaItemId,
        };
        return { state: replacePoll(state, published), events: [{ type: 'published', poll: published }] };
      });
  }
}

/** What a reader sees of a poll. `voterKeys` are the reader's keys (person and delegation). */
export function viewPoll(
  poll: Poll,
  reader: { moderator: boolean; personId: string; delegationId: string | null },
): PollView {
  const key = voterKeyOf(poll, reader);
  const own = key ? poll.ballots[key] : undefined;
  const result = poll.result ?? (reader.moderator ? tallyPoll(poll) : null);
  const { ballots: _ballots, result: _result, createdBy: _createdBy, ...rest } = poll;
  return {
    ...rest,
    result: reader.moderator || poll.status === 'published' ? result : null,
    mine: own ? own.choices : null,
  };
}
