import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import { RevokeReasonSchema } from './common.js';
import type { Command } from './common.js';
import { ServerTimeSchema } from './presence.js';

/**
 * The current agenda item of a room, owned by the server. The items themselves (title,
 * presenters, duration, notes, order) live in the room's agenda Y.Doc; only which item runs and
 * since when is server state, so elapsed time is the same on every screen.
 */
export const AgendaEvents = {
  /** Client → server: receive the room's current item now and on every change. */
  Subscribe: 'agenda:subscribe',
  /** Client → server: stop receiving `agenda:state` for a room. */
  Unsubscribe: 'agenda:unsubscribe',
  /** Client → server (moderators): make an item current, or none. */
  SetCurrent: 'agenda:set-current',
  /** Client → server (moderators): move to the item after the current one. */
  Advance: 'agenda:advance',
  /** Server → client: the room's current item changed. */
  State: 'agenda:state',
  /** Server → client: access to the room was withdrawn; no more states for it. */
  Unsubscribed: 'agenda:unsubscribed',
} as const;

/** Most items an agenda order sent by a client may hold. */
export const MAX_AGENDA_ITEMS = 500;

/** Item ids in agenda order, as the client sees them in the agenda document. */
export const AgendaItemIdsSchema = z
  .array(IdSchema)
  .max(MAX_AGENDA_ITEMS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Item ids must be unique' });

/**
 * Which item runs since when. `startedAt` and `serverNow` are server epoch milliseconds: elapsed
 * time is `serverNow - startedAt` at receipt, then advanced with the clock offset from `clock:ping`.
 * `version` grows by one with every change; ignore a state older than the one you hold.
 */
export const AgendaStateSchema = z.object({
  roomId: IdSchema,
  currentItemId: IdSchema.nullable(),
  startedAt: ServerTimeSchema.nullable(),
  version: z.number().int().nonnegative(),
  serverNow: ServerTimeSchema,
});
export type AgendaState = z.infer<typeof AgendaStateSchema>;

export const AgendaRoomPayloadSchema = z.object({ roomId: IdSchema });
export type AgendaRoomPayload = z.infer<typeof AgendaRoomPayloadSchema>;

/**
 * `itemIds` is the order the client sees; the server uses it only when it cannot read the agenda
 * document itself, and then only to check that `itemId` is on the agenda.
 */
export const AgendaSetCurrentPayloadSchema = z.object({
  roomId: IdSchema,
  itemId: IdSchema.nullable(),
  itemIds: AgendaItemIdsSchema.optional(),
});
export type AgendaSetCurrentPayload = z.infer<typeof AgendaSetCurrentPayloadSchema>;

/**
 * `fromItemId`, when given, must be the current item: two co-chairs pressing "next" at once move
 * the agenda by one item, not two (the second gets `conflict`).
 */
export const AgendaAdvancePayloadSchema = z.object({
  roomId: IdSchema,
  fromItemId: IdSchema.nullable().optional(),
  itemIds: AgendaItemIdsSchema.optional(),
});
export type AgendaAdvancePayload = z.infer<typeof AgendaAdvancePayloadSchema>;

export interface AgendaClientEvents {
  [AgendaEvents.Subscribe]: Command<AgendaRoomPayload, AgendaState>;
  [AgendaEvents.Unsubscribe]: Command<AgendaRoomPayload, null>;
  [AgendaEvents.SetCurrent]: Command<AgendaSetCurrentPayload, AgendaState>;
  [AgendaEvents.Advance]: Command<AgendaAdvancePayload, AgendaState>;
}

export const AgendaUnsubscribedSchema = z.object({ roomId: IdSchema, reason: RevokeReasonSchema });
export type AgendaUnsubscribed = z.infer<typeof AgendaUnsubscribedSchema>;

export interface AgendaServerEvents {
  [AgendaEvents.State]: (state: AgendaState) => void;
  [AgendaEvents.Unsubscribed]: (push: AgendaUnsubscribed) => void;
}
