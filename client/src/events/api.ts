import { EventDetailSchema, EventSchema, PublicEventSchema, RoomViewSchema } from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, getJson } from '../api/http';

/**
 * What an event listing needs. `GET /api/events` answers whole events to members and organizers and
 * public fields to everyone else; this pick reads both alike.
 */
export const EventSummarySchema = EventSchema.pick({
  id: true,
  title: true,
  theme: true,
  timeZone: true,
  sessions: true,
  registrationOpen: true,
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

export const eventKeys = {
  all: ['events'] as const,
  list: () => [...eventKeys.all, 'list'] as const,
  detail: (eventId: string) => [...eventKeys.all, eventId, 'detail'] as const,
  public: (eventId: string) => [...eventKeys.all, eventId, 'public'] as const,
};

export function fetchEvents(signal?: AbortSignal) {
  return getJson('/api/events', z.array(EventSummarySchema), signal);
}

export function fetchEventDetail(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId), EventDetailSchema, signal);
}

export function fetchPublicEvent(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId, 'public'), PublicEventSchema, signal);
}

export function fetchRoom(roomId: string, signal?: AbortSignal) {
  return getJson(apiPath('rooms', roomId), RoomViewSchema, signal);
}

/** The ICS export of an event's sessions; a plain link, so the browser downloads it. */
export function calendarUrl(eventId: string): string {
  return apiPath('events', eventId, 'calendar.ics');
}
