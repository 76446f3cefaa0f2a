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

/** Error codes of sign-in and first-run setup, beside the general `ErrorCode`s. */
export const AuthErrorCode = {
  /** Unknown email or wrong password: one answer for both, so emails cannot be probed. */
  InvalidCredentials: 'invalid_credentials',
  /** An organizer exists already: first-run setup is over. */
  SetupDone: 'setup_done',
  /** The setup token is unknown or expired (a new one is logged on every start without organizer). */
  InvalidSetupToken: 'invalid_setup_token',
} as const;

/** `GET /api/setup`: whether first-run setup is still needed (no organizer exists). */
export const SetupStatusSchema = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

/** Client route that turns a setup token into the first organizer. */
export const SETUP_PATH = '/setup';
/** Client route that redeems an invitation token (it then calls `POST /api/invitations/redeem`). */
export const INVITATION_PATH = '/invite';

/** The link printed to the log on first run: `${origin}/setup?token=…`. */
export function setupUrl(origin: string, token: string): string {
  return `${origin}${SETUP_PATH}?token=${encodeURIComponent(token)}`;
}

/** The link an invited person opens: `${origin}/invite?token=…`. Every issuer builds it here. */
export function invitationUrl(origin: string, token: string): string {
  return `${origin}${INVITATION_PATH}?token=${encodeURIComponent(token)}`;
}
