import type { Router } from 'express';
import { ErrorCode, MeSchema, RedeemInvitationBodySchema } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { findInvitationByToken, invitationState } from '../registration/invitations.js';
import type { Db } from '../store/db.js';
import { signInAndLoadMe } from './routes.js';

export type RedeemOutcome =
  { ok: true; personId: string } | { ok: false; reason: 'not_found' | 'expired' | 'revoked' };

/**
 * Checks an invitation token and records its use. A link works any number of times until it
 * expires or is revoked: people open it on a laptop and again on a phone, and a link that died
 * on first use would lock them out of their second device. Revocation is the organizers' way to
 * end a leaked link early.
 */
export async function redeemInvitation(db: Db, token: string, nowMs: number): Promise<RedeemOutcome> {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) return { ok: false, reason: 'not_found' };
  const state = invitationState(invitation, nowMs);
  if (state !== 'valid') return { ok: false, reason: state };
  await db
    .updateTable('invitations')
    .set({ last_used_at: new Date(nowMs).toISOString() })
    .where('id', '=', invitation.id)
    .execute();
  return { ok: true, personId: invitation.personId };
}

/** The invitation-link endpoint, declared once for validation and OpenAPI. */
export const InvitationAuthRoutes = {
  redeem: defineRoute({
    method: 'post',
    path: '/invitations/redeem',
    summary: 'Sign in with an invitation link',
    description:
      'Signs the invited person in (session cookie). A link can be used again, on several devices, ' +
      'until it expires or an organizer revokes it.',
    tags: ['auth'],
    access: 'public',
    body: RedeemInvitationBodySchema,
    response: MeSchema,
    errors: {
      400: 'Invalid fields.',
      404: 'Unknown invitation token.',
      410: '`invitation_expired` or `invitation_revoked`.',
    },
  }),
} as const;

export function mountInvitationAuthRoutes(router: Router, context: ModuleContext): void {
  mountRoute(router, InvitationAuthRoutes.redeem, async ({ req, res, body }) => {
    const outcome = await redeemInvitation(context.store.db, body.token, context.clock.now());
    if (!outcome.ok) {
      switch (outcome.reason) {
        case 'not_found':
          throw HttpError.notFound('Invitation');
        case 'expired':
          throw new HttpError(410, ErrorCode.InvitationExpired, 'This invitation link has expired.');
        case 'revoked':
          throw new HttpError(410, ErrorCode.InvitationRevoked, 'This invitation link was revoked.');
      }
    }
    return signInAndLoadMe(context, req, res, outcome.personId);
  });
}
