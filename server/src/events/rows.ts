import { z } from 'zod';
import {
  AccessRuleSchema,
  CategorySchema,
  FloorModeSchema,
  ReportVisibilitySchema,
  RoomRoleSchema,
  SessionSchema,
  VenueSchema,
  type Delegation,
  type Event,
  type LocalizedText,
  type EventMember,
  type Person,
  type Room,
  type RoomRoleAssignment,
  type Series,
} from '@roundtable/shared';
import type { Selectable } from 'kysely';
import { bool, int } from '../store/db.js';
import type { Database } from '../store/schema.js';

/*
 * Row ↔ domain mapping for the event tables, in one place. JSON and enum columns are parsed with
 * the shared schemas on the way out, so a hand-edited or corrupted row fails loudly here instead
 * of reaching a client half-valid.
 */

type Row<T extends keyof Database> = Selectable<Database[T]>;

/** A bilingual column pair: the plain column is the English side, `<column>_ja` the Japanese. */
function text(en: string, ja: string): LocalizedText {
  return { en, ja };
}

const SessionsJson = z.array(SessionSchema);
const VenuesJson = z.array(VenueSchema);

export function seriesFromRow(row: Row<'series'>): Series {
  return {
    id: row.id,
    title: text(row.title, row.title_ja),
    description: text(row.description, row.description_ja),
  };
}

/** The mutable columns of a series. */
export function seriesColumns(series: Omit<Series, 'id'>) {
  return {
    title: series.title.en,
    title_ja: series.title.ja,
    description: series.description.en,
    description_ja: series.description.ja,
  };
}

export function seriesToRow(series: Series, createdAt: string): Row<'series'> {
  return { id: series.id, ...seriesColumns(series), created_at: createdAt };
}

export function eventFromRow(row: Row<'events'>): Event {
  return {
    id: row.id,
    seriesId: row.series_id,
    title: text(row.title, row.title_ja),
    theme: text(row.theme, row.theme_ja),
    description: text(row.description, row.description_ja),
    timeZone: row.time_zone,
    sessions: SessionsJson.parse(JSON.parse(row.sessions)),
    venues: VenuesJson.parse(JSON.parse(row.venues)),
    registrationOpen: bool(row.registration_open),
    reportVisibility: ReportVisibilitySchema.parse(row.report_visibility),
  };
}

/** The mutable columns of an event; `created_at`/`updated_at` are the caller's. */
export function eventColumns(event: Omit<Event, 'id'>) {
  return {
    series_id: event.seriesId,
    title: event.title.en,
    title_ja: event.title.ja,
    theme: event.theme.en,
    theme_ja: event.theme.ja,
    description: event.description.en,
    description_ja: event.description.ja,
    time_zone: event.timeZone,
    sessions: JSON.stringify(event.sessions),
    venues: JSON.stringify(event.venues),
    registration_open: int(event.registrationOpen),
    report_visibility: event.reportVisibility,
  };
}

export function roomFromRow(row: Row<'rooms'>): Room {
  return {
    id: row.id,
    eventId: row.event_id,
    name: text(row.name, row.name_ja),
    description: text(row.description, row.description_ja),
    position: row.position,
    access: AccessRuleSchema.parse(JSON.parse(row.access)),
    floorMode: FloorModeSchema.parse(row.floor_mode),
    mediaEnabled: bool(row.media_enabled),
    lobbyEnabled: bool(row.lobby_enabled),
    hideDraftMinutes: bool(row.hide_draft_minutes),
  };
}

/** The mutable columns of a room. */
export function roomColumns(room: Omit<Room, 'id' | 'eventId'>) {
  return {
    name: room.name.en,
    name_ja: room.name.ja,
    description: room.description.en,
    description_ja: room.description.ja,
    position: room.position,
    access: JSON.stringify(room.access),
    floor_mode: room.floorMode,
    media_enabled: int(room.mediaEnabled),
    lobby_enabled: int(room.lobbyEnabled),
    hide_draft_minutes: int(room.hideDraftMinutes),
  };
}

export function delegationFromRow(row: Row<'delegations'>): Delegation {
  return {
    id: row.id,
    eventId: row.event_id,
    side: row.side,
    category: CategorySchema.parse(row.category),
    name: text(row.name, row.name_ja),
  };
}

export function delegationToRow(delegation: Delegation): Row<'delegations'> {
  return {
    id: delegation.id,
    event_id: delegation.eventId,
    side: delegation.side,
    category: delegation.category,
    name: delegation.name.en,
    name_ja: delegation.name.ja,
  };
}

/** The columns of `people` a domain `Person` carries (never the password hash). */
export const PERSON_COLUMNS = ['id', 'name', 'email', 'organization', 'phone', 'is_organizer'] as const;

export function personFromRow(row: Pick<Row<'people'>, (typeof PERSON_COLUMNS)[number]>): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    organization: row.organization,
    phone: row.phone,
    isOrganizer: bool(row.is_organizer),
  };
}

export function personToRow(
  person: Person,
  createdAt: string,
  passwordHash: string | null = null,
): Row<'people'> {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    organization: person.organization,
    phone: person.phone,
    is_organizer: int(person.isOrganizer),
    password_hash: passwordHash,
    created_at: createdAt,
    language: null,
  };
}

export function memberFromRow(row: Row<'event_members'>): EventMember {
  return {
    eventId: row.event_id,
    personId: row.person_id,
    delegationId: row.delegation_id,
    place: row.place,
  };
}

export function memberToRow(member: EventMember): Row<'event_members'> {
  return {
    event_id: member.eventId,
    person_id: member.personId,
    delegation_id: member.delegationId,
    place: member.place,
  };
}

export function roomRoleFromRow(row: Row<'room_roles'>): RoomRoleAssignment {
  return { roomId: row.room_id, personId: row.person_id, role: RoomRoleSchema.parse(row.role) };
}

/** Emails are compared case-insensitively everywhere; they are stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
