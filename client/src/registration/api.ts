import type { RegisterBody } from '@roundtable/shared';
import { apiPath, apiRequest } from '../api/http';

/**
 * Public registration. Only success matters to the registrant, so the answer's body is not read
 * (the server may well keep it minimal for anonymous callers).
 */
export function submitRegistration(eventId: string, body: RegisterBody): Promise<void> {
  return apiRequest('POST', apiPath('events', eventId, 'registrations'), { body });
}
