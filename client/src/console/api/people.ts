import {
  MemberViewSchema,
  PersonSchema,
  type CreatePersonBody,
  type UpsertMemberBody,
} from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, apiRequest, getJson } from '../../api/http';

export function fetchMembers(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId, 'members'), z.array(MemberViewSchema), signal);
}

export function upsertMember(eventId: string, personId: string, body: UpsertMemberBody): Promise<void> {
  return apiRequest('PUT', apiPath('events', eventId, 'members', personId), { body });
}

export function removeMember(eventId: string, personId: string): Promise<void> {
  return apiRequest('DELETE', apiPath('events', eventId, 'members', personId));
}

export function fetchPeople(signal?: AbortSignal) {
  return getJson('/api/people', z.array(PersonSchema), signal);
}

export function createPerson(body: CreatePersonBody) {
  return apiRequest('POST', '/api/people', { body, schema: PersonSchema });
}
