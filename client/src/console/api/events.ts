import {
  EventSchema,
  SeriesSchema,
  type CreateEventBody,
  type CreateSeriesBody,
  type UpdateEventBody,
} from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, apiRequest, getJson } from '../../api/http';

export function fetchSeries(signal?: AbortSignal) {
  return getJson('/api/series', z.array(SeriesSchema), signal);
}

export function createSeries(body: CreateSeriesBody) {
  return apiRequest('POST', '/api/series', { body, schema: SeriesSchema });
}

export function createEvent(body: CreateEventBody) {
  return apiRequest('POST', '/api/events', { body, schema: EventSchema });
}

export function updateEvent(eventId: string, body: UpdateEventBody): Promise<void> {
  return apiRequest('PATCH', apiPath('events', eventId), { body });
}

export function deleteEvent(eventId: string): Promise<void> {
  return apiRequest('DELETE', apiPath('events', eventId));
}
