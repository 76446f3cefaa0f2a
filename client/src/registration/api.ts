import { RegistrationReceiptSchema, type RegisterBody } from '@roundtable/shared';
import { apiPath, apiRequest } from '../api/http';

/** Public registration; the receipt carries the registrant's personal status link. */
export function submitRegistration(eventId: string, body: RegisterBody) {
  return apiRequest('POST', apiPath('events', eventId, 'registrations'), {
    body,
    schema: RegistrationReceiptSchema,
  });
}

/** The status link as a path of this app (the server writes it with its public origin). */
export function statusPath(statusUrl: string): string {
  const url = new URL(statusUrl);
  return `${url.pathname}${url.search}`;
}
