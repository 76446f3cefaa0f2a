import {
  ApproveRegistrationResultSchema,
  InvitationSchema,
  IssuedInvitationSchema,
  RegistrationSchema,
  type ApproveRegistrationBody,
} from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, apiRequest, getJson } from '../../api/http';

export function fetchRegistrations(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId, 'registrations'), z.array(RegistrationSchema), signal);
}

export function approveRegistration(registrationId: string, body: ApproveRegistrationBody) {
  return apiRequest('POST', apiPath('registrations', registrationId, 'approve'), {
    body,
    schema: ApproveRegistrationResultSchema,
  });
}

export function declineRegistration(registrationId: string): Promise<void> {
  return apiRequest('POST', apiPath('registrations', registrationId, 'decline'));
}

export function fetchInvitations(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId, 'invitations'), z.array(InvitationSchema), signal);
}

export function issueInvitation(personId: string, eventId: string, validForDays: number) {
  return apiRequest('POST', apiPath('people', personId, 'invitations'), {
    body: { eventId, validForDays },
    schema: IssuedInvitationSchema,
  });
}

export function revokeInvitation(invitationId: string): Promise<void> {
  return apiRequest('POST', apiPath('invitations', invitationId, 'revoke'));
}
