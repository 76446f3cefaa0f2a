import { RegistrationStatusViewSchema, type CorrectRegistrationBody } from '@roundtable/shared';
import { apiPath, apiRequest, getJson } from '../api/http';

/** The registrant's own registration, through the token of their personal status link. */
export function fetchRegistrationStatus(token: string, signal?: AbortSignal) {
  return getJson(apiPath('registration-status', token), RegistrationStatusViewSchema, signal);
}

export function correctRegistration(token: string, body: CorrectRegistrationBody) {
  return apiRequest('PATCH', apiPath('registration-status', token), {
    body,
    schema: RegistrationStatusViewSchema,
  });
}

export function withdrawRegistration(token: string): Promise<void> {
  return apiRequest('DELETE', apiPath('registration-status', token));
}
