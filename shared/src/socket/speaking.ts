import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import { SpeakingSettingsSchema, SpeakingStateSchema, SpeechKindSchema } from '../speaking/state.js';
import type { SpeakingStats } from '../speaking/stats.js';
import { RevokeReasonSchema } from './common.js';
import type { Command } from './common.js';

/**
 * Speaking-order events. Commands acknowledge `{ ok: true, data: SpeakingCommandAck }` or
 * `{ ok: false, error: { code, message } }` with a `SpeakingErrorCode`, `forbidden`, `not_found`,
 * `rate_limited`, `validation_failed` or `unavailable`. Every accepted change is pushed as
 * `speaking:state` (the whole ordered state) to everyone subscribed to the room.
 */
export const SpeakingEvents = {
  Subscribe: 'speaking:subscribe',
  Unsubscribe: 'speaking:unsubscribe',
  RaiseHand: 'speaking:raise-hand',
  LowerHand: 'speaking:lower-hand',
  GiveFloor: 'speaking:give-floor',
  EndTurn: 'speaking:end-turn',
  Pause: 'speaking:pause',
  Resume: 'speaking:resume',
  Extend: 'speaking:extend',
  Move: 'speaking:move',
  Remove: 'speaking:remove',
  Add: 'speaking:add',
  ReaddLast: 'speaking:readd-last',
  Open: 'speaking:open',
  Close: 'speaking:close',
  Clear: 'speaking:clear',
  UpdateSettings: 'speaking:update-settings',
  Stats: 'speaking:stats',
  /** Server → client: the whole state after a change (newest version wins). */
  State: 'speaking:state',
  /** Server → client: the running turn's time is up (once per deadline). */
  TimeUp: 'speaking:time-up',
  /** Server → client: this socket no longer receives the room's state (access changed). */
  Unsubscribed: 'speaking:unsubscribed',
} as const;

const EntryIdSchema = z.string().min(1).max(64);

export const SpeakingRoomPayloadSchema = z.object({ roomId: IdSchema });
export type SpeakingRoomPayload = z.infer<typeof SpeakingRoomPayloadSchema>;
export const RaiseHandPayloadSchema = SpeakingRoomPayloadSchema.extend({
  kind: SpeechKindSchema.default('normal'),
});
export type RaiseHandPayload = z.input<typeof RaiseHandPayloadSchema>;
/** Without `entryId`, lowers every hand of the sender. */
export const LowerHandPayloadSchema = SpeakingRoomPayloadSchema.extend({ entryId: EntryIdSchema.optional() });
export type LowerHandPayload = z.infer<typeof LowerHandPayloadSchema>;
/** Without `entryId`, gives the floor to whoever "next" selects. */
export const GiveFloorPayloadSchema = SpeakingRoomPayloadSchema.extend({ entryId: EntryIdSchema.optional() });
export type GiveFloorPayload = z.infer<typeof GiveFloorPayloadSchema>;
/** With `turnId`, ends only that turn (a double click cannot end the next speaker's turn). */
export const EndTurnPayloadSchema = SpeakingRoomPayloadSchema.extend({ turnId: EntryIdSchema.optional() });
export type EndTurnPayload = z.infer<typeof EndTurnPayloadSchema>;
export const ExtendPayloadSchema = SpeakingRoomPayloadSchema.extend({
  seconds: z.number().int().min(1).max(3600),
});
export type ExtendPayload = z.infer<typeof ExtendPayloadSchema>;
/** `toIndex` is clamped into the entry's kind block (points of order stay first). */
export const MovePayloadSchema = SpeakingRoomPayloadSchema.extend({
  entryId: EntryIdSchema,
  toIndex: z.number().int().min(0).max(10_000),
});
export type MovePayload = z.infer<typeof MovePayloadSchema>;
export const RemovePayloadSchema = SpeakingRoomPayloadSchema.extend({ entryId: EntryIdSchema });
export type RemovePayload = z.infer<typeof RemovePayloadSchema>;
/** Puts `personId` on the list (works on a closed list); they must be able to speak in the room. */
export const AddPayloadSchema = SpeakingRoomPayloadSchema.extend({
  personId: IdSchema,
  kind: SpeechKindSchema.default('normal'),
});
export type AddPayload = z.input<typeof AddPayloadSchema>;
export const UpdateSettingsPayloadSchema = SpeakingRoomPayloadSchema.extend({
  settings: SpeakingSettingsSchema.partial(),
});
export type UpdateSettingsPayload = z.infer<typeof UpdateSettingsPayloadSchema>;

/** Acknowledges an accepted command: the version it produced and the server time it was applied. */
export const SpeakingCommandAckSchema = z.object({ version: z.number().int(), at: z.number() });
export type SpeakingCommandAck = z.infer<typeof SpeakingCommandAckSchema>;

/** The whole state of a room's speaking order; clients drop pushes older than what they hold. */
export const SpeakingStatePushSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().min(0),
  /** Server clock when sent, for timers (refine the offset with `clock:ping`). */
  serverNow: z.number(),
  state: SpeakingStateSchema,
});
export type SpeakingStatePush = z.infer<typeof SpeakingStatePushSchema>;

export const SpeakingTimeUpSchema = z.object({
  roomId: IdSchema,
  turnId: z.string(),
  personId: IdSchema,
  at: z.number(),
});
export type SpeakingTimeUp = z.infer<typeof SpeakingTimeUpSchema>;

export const SpeakingUnsubscribedSchema = z.object({
  roomId: IdSchema,
  reason: RevokeReasonSchema,
});
export type SpeakingUnsubscribed = z.infer<typeof SpeakingUnsubscribedSchema>;

type Ack = SpeakingCommandAck;

export interface SpeakingClientEvents {
  [SpeakingEvents.Subscribe]: Command<SpeakingRoomPayload, SpeakingStatePush>;
  [SpeakingEvents.Unsubscribe]: Command<SpeakingRoomPayload, null>;
  [SpeakingEvents.RaiseHand]: Command<RaiseHandPayload, Ack>;
  [SpeakingEvents.LowerHand]: Command<LowerHandPayload, Ack>;
  [SpeakingEvents.GiveFloor]: Command<GiveFloorPayload, Ack>;
  [SpeakingEvents.EndTurn]: Command<EndTurnPayload, Ack>;
  [SpeakingEvents.Pause]: Command<SpeakingRoomPayload, Ack>;
  [SpeakingEvents.Resume]: Command<SpeakingRoomPayload, Ack>;
  [SpeakingEvents.Extend]: Command<ExtendPayload, Ack>;
  [SpeakingEvents.Move]: Command<MovePayload, Ack>;
  [SpeakingEvents.Remove]: Command<RemovePayload, Ack>;
  [SpeakingEvents.Add]: Command<AddPayload, Ack>;
  [SpeakingEvents.ReaddLast]: Command<SpeakingRoomPayload, Ack>;
  [SpeakingEvents.Open]: Command<SpeakingRoomPayload, Ack>;
  [SpeakingEvents.Close]: Command<SpeakingRoomPayload, Ack>;
  [SpeakingEvents.Clear]: Command<SpeakingRoomPayload, Ack>;
  [SpeakingEvents.UpdateSettings]: Command<UpdateSettingsPayload, Ack>;
  [SpeakingEvents.Stats]: Command<SpeakingRoomPayload, SpeakingStats>;
}

export interface SpeakingServerEvents {
  [SpeakingEvents.State]: (push: SpeakingStatePush) => void;
  [SpeakingEvents.TimeUp]: (signal: SpeakingTimeUp) => void;
  [SpeakingEvents.Unsubscribed]: (notice: SpeakingUnsubscribed) => void;
}
