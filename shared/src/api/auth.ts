import { z } from 'zod';
import { EventMemberSchema, PersonSchema, RoomRoleAssignmentSchema } from '../domain/people.js';

export const LoginBodySchema = z.object({
  email: z.email(),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** First-run setup: turns the one-time setup token printed to the log into the first organizer. */
export const SetupBodySchema = z.object({
  token: z.string().min(16).max(200),
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  password: z.string().min(10).max(200),
});
export type SetupBody = z.infer<typeof SetupBodySchema>;

export const RedeemInvitationBodySchema = z.object({ token: z.string().min(16).max(200) });
export type RedeemInvitationBody = z.infer<typeof RedeemInvitationBodySchema>;

/** Who is signed in, with everything the client needs to decide what to show. */
export const MeSchema = z.object({
  person: PersonSchema,
  memberships: z.array(EventMemberSchema),
  roles: z.array(RoomRoleAssignmentSchema),
});
export type Me = z.infer<typeof MeSchema>;

/** A short-lived signed token for websocket connections (Socket.IO, Yjs, LiveKit join). */
export const WsTokenSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type WsToken = z.infer<typeof WsTokenSchema>;

/** Claims of the websocket token. Roles are re-read from the store on every connection. */
export const WsTokenClaimsSchema = z.object({
  sub: z.string(),
  name: z.string(),
  org: z.boolean(),
});
export type WsTokenClaims = z.infer<typeof WsTokenClaimsSchema>;

export const CreateOrganizerBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  password: z.string().min(10).max(200),
});
export type CreateOrganizerBody = z.infer<typeof CreateOrganizerBodySchema>;
