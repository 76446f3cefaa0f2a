import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import { PollLimits, PollSpecSchema, PollViewSchema } from '../polls/state.js';
import type { Command } from './common.js';

/**
 * Poll events. Co-chairs create (the poll opens at once), close, then publish; people vote while
 * it is open, the last ballot of each person or delegation counting. `polls:state` carries live
 * counts to co-chairs only; everyone else sees results once published. Refusals carry a
 * `PollErrorCode`, `forbidden`, `not_found`, `not_admitted` or `validation_failed`.
 */
export const PollEvents = {
  Subscribe: 'polls:subscribe',
  Unsubscribe: 'polls:unsubscribe',
  Create: 'polls:create',
  Vote: 'polls:vote',
  Close: 'polls:close',
  Publish: 'polls:publish',
  /** Server → client: the room's polls as this reader may see them (newest version wins). */
  State: 'polls:state',
  /** Server → client: this socket no longer receives the room's polls (access changed). */
  Unsubscribed: 'polls:unsubscribed',
} as const;

export const PollRoomPayloadSchema = z.object({ roomId: IdSchema });
export type PollRoomPayload = z.infer<typeof PollRoomPayloadSchema>;
export const PollCreatePayloadSchema = PollRoomPayloadSchema.extend({ poll: PollSpecSchema });
export type PollCreatePayload = z.input<typeof PollCreatePayloadSchema>;
const PollIdSchema = z.string().min(1).max(32);
export const PollVotePayloadSchema = PollRoomPayloadSchema.extend({
  pollId: PollIdSchema,
  choices: z.array(z.number().int().min(0).max(PollLimits.maxOptions)).min(1).max(PollLimits.maxOptions),
});
export type PollVotePayload = z.infer<typeof PollVotePayloadSchema>;
export const PollTargetPayloadSchema = PollRoomPayloadSchema.extend({ pollId: PollIdSchema });
export type PollTargetPayload = z.infer<typeof PollTargetPayloadSchema>;
/** `language` is that of the results block written into the minutes. */
export const PollPublishPayloadSchema = PollTargetPayloadSchema.extend({
  language: z.enum(['en', 'ja']).default('en'),
});
export type PollPublishPayload = z.input<typeof PollPublishPayloadSchema>;

/** A room's polls for one audience; `version` grows with every accepted change. */
export const PollsPushSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().min(0),
  polls: z.array(PollViewSchema),
});
export type PollsPush = z.infer<typeof PollsPushSchema>;

/** Acknowledges a command: the version it produced and the poll as the sender sees it now. */
export const PollAckSchema = z.object({
  version: z.number().int(),
  poll: PollViewSchema,
  /** After publishing: the results are in the minutes, or not (minutes locked, or none here). */
  minutes: z.enum(['added', 'locked', 'unavailable']).optional(),
});
export type PollAck = z.infer<typeof PollAckSchema>;

export const PollsUnsubscribedSchema = z.object({
  roomId: IdSchema,
  reason: z.enum(['access_changed', 'removed']),
});
export type PollsUnsubscribed = z.infer<typeof PollsUnsubscribedSchema>;

export interface PollClientEvents {
  [PollEvents.Subscribe]: Command<PollRoomPayload, PollsPush>;
  [PollEvents.Unsubscribe]: Command<PollRoomPayload, null>;
  [PollEvents.Create]: Command<PollCreatePayload, PollAck>;
  [PollEvents.Vote]: Command<PollVotePayload, PollAck>;
  [PollEvents.Close]: Command<PollTargetPayload, PollAck>;
  [PollEvents.Publish]: Command<PollPublishPayload, PollAck>;
}

export interface PollServerEvents {
  [PollEvents.State]: (push: PollsPush) => void;
  [PollEvents.Unsubscribed]: (notice: PollsUnsubscribed) => void;
}
