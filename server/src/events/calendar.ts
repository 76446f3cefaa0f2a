import { createEvents, type EventAttributes } from 'ics';
import { textIn, type ContentLanguage, type Event } from '@roundtable/shared';

/** What turns the calendar into an invitation (`METHOD:REQUEST`) addressed to one person. */
export interface CalendarInvite {
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/**
 * The event as an iCalendar file: one VEVENT per session. With `invite`, the file is a
 * `METHOD:REQUEST` for that attendee, which mail clients offer to accept into the calendar. Times are written in UTC (`…Z`), which
 * every calendar converts to its viewer's zone without needing a VTIMEZONE block; the event's own
 * zone travels as `X-WR-TIMEZONE` and, for people reading the text, in each description. Names are
 * in `lang`, or the other language where `lang` was not written.
 */
export function eventToIcs(
  event: Event,
  eventUrl: string,
  invite?: CalendarInvite,
  lang: ContentLanguage = 'en',
): string {
  const title = textIn(event.title, lang);
  const location = event.venues.map((v) => textIn(v.name, lang)).join(' / ');
  const attributes = event.sessions.map((session): EventAttributes => ({
    uid: `${event.id}.${session.id}@roundtable`,
    title: textIn(session.label, lang) ? `${title} — ${textIn(session.label, lang)}` : title,
    description: [
      textIn(event.theme, lang),
      localTimes(session.startsAt, session.endsAt, event.timeZone),
      eventUrl,
    ]
      .filter(Boolean)
      .join('\n'),
    start: Date.parse(session.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(session.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: eventUrl,
    ...(location ? { location } : {}),
    ...(invite
      ? {
          organizer: invite.organizer,
          attendees: [{ ...invite.attendee, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
        }
      : {}),
  }));
  const { error, value } = createEvents(attributes, {
    productId: 'roundtable',
    calName: title,
    ...(invite ? { method: 'REQUEST' } : {}),
  });
  if (error || value === null) throw error ?? new Error('calendar generation failed');
  return value.replace(/^(X-WR-CALNAME:.*\r\n)/m, `$1X-WR-TIMEZONE:${event.timeZone}\r\n`);
}

/** "10 Oct 2018, 10:00 – 13:00 (Asia/Tokyo)": the session as the event's own clock reads it. */
function localTimes(startsAt: string, endsAt: string, timeZone: string): string {
  const full = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const endText = day.format(start) === day.format(end) ? time.format(end) : full.format(end);
  return `${full.format(start)} – ${endText} (${timeZone})`;
}
