import { z } from 'zod';
import type { AckCallback } from '../errors.js';

/** Socket.IO handshake `auth` payload. */
export const SocketAuthSchema = z.object({
  token: z.string().min(1).max(4096),
  protocol: z.number().int(),
});
export type SocketAuth = z.infer<typeof SocketAuthSchema>;

/** A client-to-server event: one payload and an acknowledgement. */
export type Command<P, R> = (payload: P, ack: AckCallback<R>) => void;

/** Server time for clock-offset measurement (clients render timers from server time). */
export const ClockEvents = { Ping: 'clock:ping' } as const;
export const ClockPingResultSchema = z.object({ serverNow: z.number() });
export type ClockPingResult = z.infer<typeof ClockPingResultSchema>;

export interface CommonClientEvents {
  [ClockEvents.Ping]: Command<Record<string, never>, ClockPingResult>;
}

/**
 * Why the server took a subscription away (`*:unsubscribed`, `presence:removed`): `removed` when a
 * co-chair sent the person out of the room, `access_changed` for a role, rule or lobby change.
 */
export const RevokeReasonSchema = z.enum(['access_changed', 'removed']);
export type RevokeReason = z.infer<typeof RevokeReasonSchema>;
