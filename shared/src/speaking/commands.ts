import { z } from 'zod';
import {
  SpeakerSchema,
  SpeakingSettingsSchema,
  SpeechKindSchema,
  type Speaker,
  type SpeakingEntry,
  type SpeakingSettings,
  type SpeakingState,
  type Turn,
} from './state.js';

/** Seconds a single extension may add. */
export const MAX_EXTEND_SECONDS = 3600;

/**
 * A command the pure core applies. The server builds these from socket payloads after resolving
 * people (e.g. `add` carries the target's delegation), so replaying them needs no lookups.
 */
export const SpeakingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('raise'), kind: SpeechKindSchema }),
  z.object({ type: z.literal('lower'), entryId: z.string().optional() }),
  z.object({ type: z.literal('give'), entryId: z.string().optional() }),
  z.object({ type: z.literal('end'), turnId: z.string().optional() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('extend'), seconds: z.number().int().min(1).max(MAX_EXTEND_SECONDS) }),
  z.object({ type: z.literal('move'), entryId: z.string(), toIndex: z.number().int().min(0) }),
  z.object({ type: z.literal('remove'), entryId: z.string() }),
  z.object({ type: z.literal('add'), speaker: SpeakerSchema, kind: SpeechKindSchema }),
  z.object({ type: z.literal('readd') }),
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('clear') }),
  z.object({ type: z.literal('settings'), settings: SpeakingSettingsSchema.partial() }),
  /** Issued by the server's timer; accepted once per deadline, so every instance may try. */
  z.object({ type: z.literal('time-up'), turnId: z.string() }),
]);
export type SpeakingCommand = z.infer<typeof SpeakingCommandSchema>;
export type SpeakingCommandType = SpeakingCommand['type'];

/** Commands only moderators (co-chairs, organizers) may issue. */
export const MODERATOR_COMMANDS: ReadonlySet<SpeakingCommandType> = new Set([
  'give',
  'end',
  'pause',
  'resume',
  'extend',
  'move',
  'remove',
  'add',
  'readd',
  'open',
  'close',
  'clear',
  'settings',
]);

/**
 * How the core sees the one acting. The server derives `role` from `canInRoom`: `moderator` for
 * `speaking:moderate`, `participant` for `speaking:raise`, otherwise `observer`; `system` is the
 * server's own timer.
 */
export const SpeakingRoleSchema = z.enum(['moderator', 'participant', 'observer', 'system']);
export type SpeakingRole = z.infer<typeof SpeakingRoleSchema>;
export const SpeakingActorSchema = SpeakerSchema.extend({ role: SpeakingRoleSchema });
export type SpeakingActor = z.infer<typeof SpeakingActorSchema>;

/** The server timer as an actor. */
export const SYSTEM_ACTOR: SpeakingActor = {
  personId: 'system',
  name: 'System',
  delegationId: null,
  side: null,
  category: null,
  role: 'system',
};

/** Every refusal the speaking order answers with. */
export const SpeakingErrorCode = {
  Forbidden: 'forbidden',
  ObserverCannotSpeak: 'observer_cannot_speak',
  ListClosed: 'list_closed',
  ListFull: 'list_full',
  AlreadyOnList: 'already_on_list',
  NotOnList: 'not_on_list',
  EntryNotFound: 'entry_not_found',
  NotYourEntry: 'not_your_entry',
  ListEmpty: 'list_empty',
  NoFloor: 'no_floor',
  TurnMismatch: 'turn_mismatch',
  AlreadyPaused: 'already_paused',
  NotPaused: 'not_paused',
  NoPreviousSpeaker: 'no_previous_speaker',
  TimeNotUp: 'time_not_up',
  AlreadySignalled: 'already_signalled',
  TargetCannotSpeak: 'target_cannot_speak',
  NotAdmitted: 'not_admitted',
} as const;
export type SpeakingErrorCode = (typeof SpeakingErrorCode)[keyof typeof SpeakingErrorCode];

export interface SpeakingRefusal {
  code: SpeakingErrorCode;
  message: string;
}

export type EntryRemovalReason = 'lowered' | 'removed' | 'given' | 'deduplicated';

/** What happened, for audit, media and the timer; clients get the whole state instead. */
export type SpeakingEvent =
  | { type: 'entry-added'; entry: SpeakingEntry }
  | { type: 'entry-removed'; entry: SpeakingEntry; reason: EntryRemovalReason }
  | { type: 'entry-moved'; entry: SpeakingEntry; from: number; to: number }
  | {
      type: 'floor-changed';
      turnId: string | null;
      personId: string | null;
      previousTurnId: string | null;
      previousPersonId: string | null;
    }
  | { type: 'turn-ended'; turn: Turn }
  | { type: 'paused'; turnId: string }
  | { type: 'resumed'; turnId: string }
  | { type: 'extended'; turnId: string; seconds: number }
  | { type: 'time-up'; turnId: string; personId: string }
  | { type: 'list-opened' }
  | { type: 'list-closed' }
  | { type: 'list-cleared'; count: number }
  | { type: 'settings-changed'; settings: SpeakingSettings };

/** What `applySpeakingCommand` returns: the next state and what happened, or a refusal. */
export type SpeakingResult = { state: SpeakingState; events: SpeakingEvent[] } | { error: SpeakingRefusal };

/** The speaker facts of an actor (drops the role). */
export function speakerOf(actor: Speaker): Speaker {
  return {
    personId: actor.personId,
    name: actor.name,
    delegationId: actor.delegationId,
    side: actor.side,
    category: actor.category,
  };
}
