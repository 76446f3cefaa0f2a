import {
  EMPTY_TEXT,
  type CreateEventBody,
  type Event,
  type LocalizedText,
  type ReportVisibility,
  type Venue,
} from '@roundtable/shared';
import { isoToWallTime, wallTimeToIso } from '../events/zonedTime';

/** A session as typed: wall-clock times in the event's zone (`YYYY-MM-DDTHH:mm`). */
export interface SessionDraft {
  id: string;
  label: LocalizedText;
  startsAt: string;
  endsAt: string;
}

/** The event form's state. Times stay wall times until submit, so changing the zone keeps them. */
export interface EventDraft {
  title: LocalizedText;
  theme: LocalizedText;
  description: LocalizedText;
  timeZone: string;
  seriesId: string;
  sessions: SessionDraft[];
  venues: Venue[];
  registrationOpen: boolean;
  reportVisibility: ReportVisibility;
}

/** A short id for a new session or venue; it only has to be unique within its event. */
export function newDraftId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export function draftFromEvent(event: Event | null, defaultTimeZone: string): EventDraft {
  if (!event) {
    return {
      title: EMPTY_TEXT,
      theme: EMPTY_TEXT,
      description: EMPTY_TEXT,
      timeZone: defaultTimeZone,
      seriesId: '',
      sessions: [],
      venues: [],
      registrationOpen: false,
      reportVisibility: 'participants',
    };
  }
  return {
    title: event.title,
    theme: event.theme,
    description: event.description,
    timeZone: event.timeZone,
    seriesId: event.seriesId ?? '',
    sessions: event.sessions.map((session) => ({
      id: session.id,
      label: session.label,
      startsAt: isoToWallTime(session.startsAt, event.timeZone),
      endsAt: isoToWallTime(session.endsAt, event.timeZone),
    })),
    venues: event.venues,
    registrationOpen: event.registrationOpen,
    reportVisibility: event.reportVisibility,
  };
}

/**
 * The request body for a draft. A time that cannot be read is sent as typed, so the server's 400
 * names the very field.
 */
export function bodyFromDraft(draft: EventDraft): CreateEventBody {
  const toIso = (wall: string) => wallTimeToIso(wall, draft.timeZone) ?? wall;
  return {
    title: draft.title,
    theme: draft.theme,
    description: draft.description,
    timeZone: draft.timeZone,
    seriesId: draft.seriesId || null,
    sessions: draft.sessions.map((session) => ({
      id: session.id,
      label: session.label,
      startsAt: toIso(session.startsAt),
      endsAt: toIso(session.endsAt),
    })),
    venues: draft.venues,
    registrationOpen: draft.registrationOpen,
    reportVisibility: draft.reportVisibility,
  };
}
