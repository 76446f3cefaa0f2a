import { z } from 'zod';
import { IdSchema } from '../domain/people.js';
import type { Command } from './common.js';

/**
 * Lobby events. A room with `lobbyEnabled` holds people with access in its lobby until a co-chair
 * admits them; a co-chair can also remove someone from any room. Acknowledgements are
 * `{ ok: true, data } | { ok: false, error }` (`forbidden`, `not_found`, `validation_failed`).
 */
export const LobbyEvents = {
  /** Ask to enter: admitted at once (no lobby, moderator, already admitted) or waiting. */
  Join: 'lobby:join',
  /** Stop waiting. */
  Leave: 'lobby:leave',
  /** Moderators: receive `lobby:state` for the room; the ack carries the current state. */
  Watch: 'lobby:watch',
  Admit: 'lobby:admit',
  AdmitAll: 'lobby:admit-all',
  Remove: 'lobby:remove',
  /** Server → moderators: who waits and who is admitted. */
  State: 'lobby:state',
  /** Server → the admitted person's sockets. */
  Admitted: 'lobby:admitted',
  /** Server → the removed person's sockets (their other connections close with 4205). */
  Removed: 'lobby:removed',
} as const;

export const LobbyRoomPayloadSchema = z.object({ roomId: IdSchema });
export type LobbyRoomPayload = z.infer<typeof LobbyRoomPayloadSchema>;
export const LobbyAdmitPayloadSchema = LobbyRoomPayloadSchema.extend({
  personIds: z.array(IdSchema).min(1).max(1000),
});
export type LobbyAdmitPayload = z.infer<typeof LobbyAdmitPayloadSchema>;
export const LobbyRemovePayloadSchema = LobbyRoomPayloadSchema.extend({ personId: IdSchema });
export type LobbyRemovePayload = z.infer<typeof LobbyRemovePayloadSchema>;

export const LobbyWaiterSchema = z.object({ personId: IdSchema, name: z.string(), since: z.number() });
export type LobbyWaiter = z.infer<typeof LobbyWaiterSchema>;

/**
 * Admission state of one room. `removed` people need admission again even where the room has no
 * lobby; `admitted` matters only where it has one.
 */
export const LobbyStateSchema = z.object({
  waiting: z.array(LobbyWaiterSchema),
  admitted: z.array(IdSchema),
  removed: z.array(IdSchema),
});
export type LobbyState = z.infer<typeof LobbyStateSchema>;

export const LobbyStatePushSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().min(0),
  state: LobbyStateSchema,
});
export type LobbyStatePush = z.infer<typeof LobbyStatePushSchema>;

export const LobbyJoinResultSchema = z.object({ status: z.enum(['admitted', 'waiting']) });
export type LobbyJoinResult = z.infer<typeof LobbyJoinResultSchema>;

export const LobbyNoticeSchema = z.object({ roomId: IdSchema });
export type LobbyNotice = z.infer<typeof LobbyNoticeSchema>;

export interface LobbyClientEvents {
  [LobbyEvents.Join]: Command<LobbyRoomPayload, LobbyJoinResult>;
  [LobbyEvents.Leave]: Command<LobbyRoomPayload, null>;
  [LobbyEvents.Watch]: Command<LobbyRoomPayload, LobbyStatePush>;
  [LobbyEvents.Admit]: Command<LobbyAdmitPayload, { version: number }>;
  [LobbyEvents.AdmitAll]: Command<LobbyRoomPayload, { version: number }>;
  [LobbyEvents.Remove]: Command<LobbyRemovePayload, { version: number }>;
}

export interface LobbyServerEvents {
  [LobbyEvents.State]: (push: LobbyStatePush) => void;
  [LobbyEvents.Admitted]: (notice: LobbyNotice) => void;
  [LobbyEvents.Removed]: (notice: LobbyNotice) => void;
}
