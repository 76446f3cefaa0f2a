import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import { ReactionCountsSchema, ReactionKindSchema } from '../reactions/index.js';
import type { Command } from './common.js';

/**
 * Reactions: quick signals shown briefly on everyone's screen, counted for the co-chairs, never
 * stored beyond the meeting's statistics. Refusals: `rate_limited`, `forbidden`, `not_admitted`,
 * `validation_failed`.
 */
export const ReactionEvents = {
  Subscribe: 'reactions:subscribe',
  Unsubscribe: 'reactions:unsubscribe',
  Send: 'reactions:send',
  /** Co-chairs: counts per kind since the meeting began. */
  Stats: 'reactions:stats',
  /** Server → client: someone reacted. */
  Shown: 'reactions:shown',
} as const;

export const ReactionRoomPayloadSchema = z.object({ roomId: IdSchema });
export type ReactionRoomPayload = z.infer<typeof ReactionRoomPayloadSchema>;
export const ReactionSendPayloadSchema = ReactionRoomPayloadSchema.extend({ kind: ReactionKindSchema });
export type ReactionSendPayload = z.infer<typeof ReactionSendPayloadSchema>;

export const ReactionShownSchema = z.object({
  roomId: IdSchema,
  personId: IdSchema,
  name: z.string(),
  kind: ReactionKindSchema,
  at: z.number(),
});
export type ReactionShown = z.infer<typeof ReactionShownSchema>;

export const ReactionStatsSchema = z.object({ roomId: IdSchema, counts: ReactionCountsSchema });
export type ReactionStats = z.infer<typeof ReactionStatsSchema>;

export interface ReactionClientEvents {
  [ReactionEvents.Subscribe]: Command<ReactionRoomPayload, null>;
  [ReactionEvents.Unsubscribe]: Command<ReactionRoomPayload, null>;
  [ReactionEvents.Send]: Command<ReactionSendPayload, ReactionShown>;
  [ReactionEvents.Stats]: Command<ReactionRoomPayload, ReactionStats>;
}

export interface ReactionServerEvents {
  [ReactionEvents.Shown]: (reaction: ReactionShown) => void;
}
