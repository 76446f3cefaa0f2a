import {
  IdSchema,
  MeSchema,
  SetupStatusSchema,
  type LoginBody,
  type Me,
  type SetupBody,
  type SetupStatus,
} from '@roundtable/shared';
import { ApiRequestError, apiRequest, getJson } from '../api/http';

export const meQueryKey = ['me'] as const;

/** The signed-in person, or null when nobody is (a 401 is an answer here, not an error). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await getJson('/api/auth/me', MeSchema, signal);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function signIn(body: LoginBody): Promise<Me> {
  return apiRequest('POST', '/api/auth/login', { body, schema: MeSchema });
}

export function signOut(): Promise<void> {
  return apiRequest('POST', '/api/auth/logout');
}

export function fetchSetupStatus(signal?: AbortSignal): Promise<SetupStatus> {
  return getJson('/api/setup', SetupStatusSchema, signal);
}

export function completeSetup(body: SetupBody): Promise<Me> {
  return apiRequest('POST', '/api/setup', { body, schema: MeSchema });
}

/**
 * The redeem answer is `Me`; `eventId` is read when the server adds it, so the invited person lands
 * on the invitation's own event even when they belong to several.
 */
const RedeemResultSchema = MeSchema.extend({ eventId: IdSchema.optional() });

export function redeemInvitation(token: string) {
  return apiRequest('POST', '/api/invitations/redeem', { body: { token }, schema: RedeemResultSchema });
}
