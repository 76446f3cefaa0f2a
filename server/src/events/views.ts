import {
  ErrorCode,
  type Event,
  type FieldIssue,
  type PublicEvent,
  type Room,
  type RoomView,
} from '@roundtable/shared';
import { roomRoleOf, type MaybeActor } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';

/** A room as `actor` sees it in a listing: whether they may enter, and their own room role. */
export function roomViewFor(actor: MaybeActor, room: Room): RoomView {
  const role = roomRoleOf(actor, room);
  // Organizers enter everything; their `myRole` is only a role they were explicitly given.
  const myRole = role === 'organizer' ? (actor?.roomRoles.get(room.id) ?? null) : role;
  return { ...room, canEnter: role !== null, myRole };
}

/** The fields of an event anyone may read. */
export function publicEventOf(event: Event): PublicEvent {
  const { id, title, theme, description, timeZone, sessions, venues, registrationOpen } = event;
  return { id, title, theme, description, timeZone, sessions, venues, registrationOpen };
}

/** A place (of a membership or registration) is one of the event's venue ids or `online`. */
export function isPlaceOf(event: Event, place: string): boolean {
  return place === 'online' || event.venues.some((v) => v.id === place);
}

/** Rules an event must keep beyond its field schemas: sessions end after they start, ids are unique. */
export function eventIssues(event: Omit<Event, 'id'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seenSessions = new Set<string>();
  event.sessions.forEach((session, i) => {
    if (Date.parse(session.endsAt) <= Date.parse(session.startsAt)) {
      issues.push({ path: `sessions.${i}.endsAt`, message: 'A session must end after it starts.' });
    }
    if (seenSessions.has(session.id)) {
      issues.push({ path: `sessions.${i}.id`, message: 'Session ids must be unique.' });
    }
    seenSessions.add(session.id);
  });
  const seenVenues = new Set<string>();
  event.venues.forEach((venue, i) => {
    if (venue.id === 'online' && venue.kind !== 'online') {
      issues.push({ path: `venues.${i}.id`, message: '"online" is reserved for online attendance.' });
    }
    if (seenVenues.has(venue.id)) {
      issues.push({ path: `venues.${i}.id`, message: 'Venue ids must be unique.' });
    }
    seenVenues.add(venue.id);
  });
  return issues;
}

/** Throws the same 400 `validation_failed` as schema validation when `issues` is not empty. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) {
    throw new HttpError(400, ErrorCode.ValidationFailed, 'The request has invalid fields.', issues);
  }
}
