import crypto from 'node:crypto';
import { invitationUrl, type Invitation, type IssuedInvitation } from '@roundtable/shared';
import { hashToken, randomToken } from '../auth/sessions.js';
import type { Db } from '../store/db.js';
import { invitationFromRow } from './rows.js';

/** Whether an invitation link still signs someone in at `nowMs`. */
export type InvitationState = 'valid' | 'expired' | 'revoked';

/**
 * Looks an invitation up by the bearer token from its link (only the sha256 hash is stored).
 * Null when no invitation has this token. Used by the redeem endpoint.
 */
export async function findInvitationByToken(db: Db, token: string): Promise<Invitation | null> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row ? invitationFromRow(row) : null;
}

/** Revocation wins over expiry: a revoked link says so even after it would have expired. */
export function invitationState(invitation: Invitation, nowMs: number): InvitationState {
  if (invitation.revokedAt !== null) return 'revoked';
  if (Date.parse(invitation.expiresAt) <= nowMs) return 'expired';
  return 'valid';
}

export interface IssueInvitationInput {
  eventId: string;
  personId: string;
  validForDays: number;
  nowMs: number;
  /** Public origin the link points at. */
  origin: string;
}

/**
 * Stores a new invitation and returns it with its link. The token exists only in this return
 * value: the store keeps its hash, so a lost link is replaced by issuing a new one.
 */
export async function issueInvitation(db: Db, input: IssueInvitationInput): Promise<IssuedInvitation> {
  const token = randomToken();
  const invitation: Invitation = {
    id: crypto.randomUUID(),
    eventId: input.eventId,
    personId: input.personId,
    expiresAt: new Date(input.nowMs + input.validForDays * 86_400_000).toISOString(),
    revokedAt: null,
    createdAt: new Date(input.nowMs).toISOString(),
    lastUsedAt: null,
  };
  await db
    .insertInto('invitations')
    .values({
      id: invitation.id,
      event_id: invitation.eventId,
      person_id: invitation.personId,
      token_hash: hashToken(token),
      expires_at: invitation.expiresAt,
      revoked_at: null,
      created_at: invitation.createdAt,
      last_used_at: null,
    })
    .execute();
  return { ...invitation, token, url: invitationUrl(input.origin, token) };
}
