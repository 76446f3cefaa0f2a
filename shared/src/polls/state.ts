import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import { Limits } from '../limits.js';

/** Limits of polls, shared so the client stops where the server refuses. */
export const PollLimits = {
  maxQuestionLength: 500,
  maxOptionLength: 200,
  maxOptions: 20,
  /** Polls one room keeps (open, closed and published). */
  maxPollsPerRoom: 100,
} as const;

/** Yes / no / abstain (three fixed options), one choice among options, or several. */
export const PollKindSchema = z.enum(['yes_no_abstain', 'single', 'multiple']);
export type PollKind = z.infer<typeof PollKindSchema>;

/** Who casts a ballot: each person, or each delegation (its head or any member; the last counts). */
export const PollVotingSchema = z.enum(['person', 'delegation']);
export type PollVoting = z.infer<typeof PollVotingSchema>;

export const PollStatusSchema = z.enum(['open', 'closed', 'published']);
export type PollStatus = z.infer<typeof PollStatusSchema>;

/** The fixed options of a yes / no / abstain poll (clients show them translated). */
export const YES_NO_ABSTAIN = ['yes', 'no', 'abstain'] as const;

const TextSchema = (max: number) => z.string().trim().min(1).max(max);

/** What a co-chair asks: the poll before anyone votes. */
export const PollSpecSchema = z
  .object({
    question: TextSchema(PollLimits.maxQuestionLength),
    kind: PollKindSchema,
    /** Ignored for yes / no / abstain; 2 to `maxOptions` distinct options otherwise. */
    options: z.array(TextSchema(PollLimits.maxOptionLength)).max(PollLimits.maxOptions).default([]),
    anonymous: z.boolean(),
    voting: PollVotingSchema,
  })
  .refine(
    (s) =>
      s.kind === 'yes_no_abstain' || (s.options.length >= 2 && new Set(s.options).size === s.options.length),
    {
      message: 'Give at least two different options.',
      path: ['options'],
    },
  );
export type PollSpec = z.infer<typeof PollSpecSchema>;

/** One ballot: by a person, for themselves or their delegation. */
export const BallotSchema = z.object({
  choices: z.array(z.number().int().min(0)),
  personId: IdSchema,
  name: z.string().max(Limits.maxNameLength),
  delegationId: IdSchema.nullable(),
  /** What the ballot is shown as in named results: the person, or the delegation's side. */
  label: z.string().max(Limits.maxNameLength),
  at: z.number(),
});
export type Ballot = z.infer<typeof BallotSchema>;

/** Counted results: votes per option and how many ballots were cast. */
export const PollTallySchema = z.object({
  counts: z.array(z.number().int().min(0)),
  ballots: z.number().int().min(0),
  /** Named polls: who chose what (labels per option, in ballot order); null when anonymous. */
  named: z.array(z.array(z.string())).nullable(),
});
export type PollTally = z.infer<typeof PollTallySchema>;

export const PollSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: PollKindSchema,
  options: z.array(z.string()),
  anonymous: z.boolean(),
  voting: PollVotingSchema,
  status: PollStatusSchema,
  createdBy: IdSchema,
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  publishedAt: z.number().nullable(),
  /** The agenda item current when the results were published (their place in the minutes). */
  agendaItemId: IdSchema.nullable(),
  /** Ballots by voter key (person or delegation id) while open; emptied when an anonymous poll closes. */
  ballots: z.record(z.string(), BallotSchema),
  /** Frozen at close: later ballots can no longer change it. */
  result: PollTallySchema.nullable(),
});
export type Poll = z.infer<typeof PollSchema>;

/** Every poll of a room, newest last. */
export const PollsStateSchema = z.object({
  polls: z.array(PollSchema).max(PollLimits.maxPollsPerRoom),
  /** Counter for poll ids, so replaying the same commands yields the same ids. */
  seq: z.number().int().min(0),
});
export type PollsState = z.infer<typeof PollsStateSchema>;

export const initialPollsState = (): PollsState => ({ polls: [], seq: 0 });

/** A poll as one reader sees it: results only for co-chairs until published. */
export const PollViewSchema = PollSchema.omit({ ballots: true, result: true, createdBy: true }).extend({
  /** Live results for co-chairs; the frozen results for everyone once published; else null. */
  result: PollTallySchema.nullable(),
  /** The reader's own ballot (or their delegation's), when known. */
  mine: z.array(z.number().int()).nullable(),
});
export type PollView = z.infer<typeof PollViewSchema>;

export const PollErrorCode = {
  Forbidden: 'forbidden',
  PollNotFound: 'poll_not_found',
  PollNotOpen: 'poll_not_open',
  PollNotClosed: 'poll_not_closed',
  AlreadyPublished: 'already_published',
  InvalidChoice: 'invalid_choice',
  NoDelegation: 'no_delegation',
  CannotVote: 'cannot_vote',
  TooManyPolls: 'too_many_polls',
} as const;
export type PollErrorCode = (typeof PollErrorCode)[keyof typeof PollErrorCode];
