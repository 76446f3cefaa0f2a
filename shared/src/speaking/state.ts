import { z } from 'zod';
import { CategorySchema, IdSchema } from '../domain/people.js';
import { Limits } from '../limits.js';

/** Kinds of speech. Points of order go ahead of the list; direct replies right after the turn. */
export const SpeechKindSchema = z.enum(['normal', 'point_of_order', 'direct_reply']);
export type SpeechKind = z.infer<typeof SpeechKindSchema>;

/** Who speaks, with the delegation facts rotation and statistics group by. */
export const SpeakerSchema = z.object({
  personId: IdSchema,
  name: z.string().max(Limits.maxNameLength),
  delegationId: IdSchema.nullable(),
  side: z.string().max(Limits.maxNameLength).nullable(),
  category: CategorySchema.nullable(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

/** One waiting request to speak. Times are milliseconds since the epoch, on the server clock. */
export const SpeakingEntrySchema = SpeakerSchema.extend({
  id: z.string(),
  kind: SpeechKindSchema,
  requestedAt: z.number(),
  /** The person who put the entry on the list (the speaker, or a moderator on their behalf). */
  addedBy: z.string(),
});
export type SpeakingEntry = z.infer<typeof SpeakingEntrySchema>;

/**
 * The current turn. Elapsed time excludes pauses: `(pausedAt ?? now) - since - pausedMs`.
 * `limitSeconds` null means no limit; extensions add to it.
 */
export const FloorSchema = SpeakerSchema.extend({
  turnId: z.string(),
  entryId: z.string().nullable(),
  kind: SpeechKindSchema,
  since: z.number(),
  pausedAt: z.number().nullable(),
  pausedMs: z.number().min(0),
  limitSeconds: z.number().int().min(0).nullable(),
  extendedSeconds: z.number().int().min(0),
  /** When the time-up signal was accepted for the current deadline (null until then). */
  timeUpAt: z.number().nullable(),
});
export type Floor = z.infer<typeof FloorSchema>;

export const TurnEndReasonSchema = z.enum(['ended', 'next', 'time_up']);
export type TurnEndReason = z.infer<typeof TurnEndReasonSchema>;

/** A finished turn; `durationMs` excludes pauses. */
export const TurnSchema = SpeakerSchema.extend({
  id: z.string(),
  kind: SpeechKindSchema,
  start: z.number(),
  end: z.number(),
  durationMs: z.number().min(0),
  reason: TurnEndReasonSchema,
});
export type Turn = z.infer<typeof TurnSchema>;

export const RotationSchema = z.enum(['off', 'side', 'category']);
export type Rotation = z.infer<typeof RotationSchema>;

export const SpeakingSettingsSchema = z.object({
  /** Whether participants may raise a hand (points of order are always accepted). */
  open: z.boolean(),
  /** With rotation on, "next" prefers a different side (or category) than the last normal turn. */
  rotation: RotationSchema,
  /** Time limit given with the floor; 0 means none. */
  defaultLimitSeconds: z
    .number()
    .int()
    .min(0)
    .max(4 * 3600),
  /** A person holds at most one waiting entry of each kind. */
  onePerPerson: z.boolean(),
  /** "Next" prefers people who have not spoken yet (after rotation). */
  firstTimeFirst: z.boolean(),
  /** End the turn automatically when its time is up. */
  autoEnd: z.boolean(),
});
export type SpeakingSettings = z.infer<typeof SpeakingSettingsSchema>;

/**
 * A room's speaking order. Invariant: `entries` holds every point of order first, then direct
 * replies, then normal entries; within each kind the array order is the calling order.
 */
export const SpeakingStateSchema = z.object({
  entries: z.array(SpeakingEntrySchema).max(Limits.maxSpeakingEntries),
  floor: FloorSchema.nullable(),
  settings: SpeakingSettingsSchema,
  history: z.array(TurnSchema),
  /** Counter for entry and turn ids, so replaying the same commands yields the same ids. */
  seq: z.number().int().min(0),
});
export type SpeakingState = z.infer<typeof SpeakingStateSchema>;

export const DEFAULT_SPEAKING_SETTINGS: SpeakingSettings = {
  open: true,
  rotation: 'off',
  defaultLimitSeconds: 180,
  onePerPerson: true,
  firstTimeFirst: false,
  autoEnd: false,
};

/** The state of a room nobody has touched yet. */
export function initialSpeakingState(settings: Partial<SpeakingSettings> = {}): SpeakingState {
  return {
    entries: [],
    floor: null,
    settings: { ...DEFAULT_SPEAKING_SETTINGS, ...settings },
    history: [],
    seq: 0,
  };
}
