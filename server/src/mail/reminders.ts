import { textIn, type Event, type Session } from '@roundtable/shared';
import { eventFromRow } from '../events/rows.js';
import type { Db } from '../store/db.js';
import { eventUrl, renderMail, sessionLines, type ComposeContext } from './compose.js';
import { enqueueMail, mailLanguage } from './outbox.js';

/** One reminder that is due: which session, how long before its start. */
export interface DueReminder {
  session: Session;
  index: number;
  minutesBefore: number;
}

/**
 * The reminders due at `nowMs`: the one for lead time `o` from `start - o` until the next shorter
 * lead time begins (or the session starts). A person added to the event late gets the reminder
 * that still makes sense, not all the earlier ones at once.
 */
export function dueReminders(sessions: readonly Session[], offsetsMinutes: readonly number[], nowMs: number) {
  const offsets = [...new Set(offsetsMinutes)].sort((a, b) => b - a);
  const due: DueReminder[] = [];
  sessions.forEach((session, index) => {
    const start = Date.parse(session.startsAt);
    offsets.forEach((minutes, i) => {
      const from = start - minutes * 60_000;
      const next = offsets[i + 1];
      const until = next === undefined ? start : start - next * 60_000;
      if (nowMs >= from && nowMs < until) due.push({ session, index, minutesBefore: minutes });
    });
  });
  return due;
}

/**
 * Writes every due reminder into the outbox, one per person, session and lead time: the dedupe
 * key makes a second sweep (another instance, a restart) a no-op. Returns how many were new.
 */
export async function sweepReminders(
  db: Db,
  ctx: ComposeContext,
  offsetsMinutes: readonly number[],
): Promise<number> {
  if (offsetsMinutes.length === 0) return 0;
  const horizon = Math.max(...offsetsMinutes) * 60_000;
  const events: Event[] = (await db.selectFrom('events').selectAll().execute())
    .map(eventFromRow)
    .filter((e) =>
      e.sessions.some(
        (s) => Date.parse(s.startsAt) > ctx.nowMs && Date.parse(s.startsAt) - horizon <= ctx.nowMs,
      ),
    );
  let written = 0;
  for (const event of events) {
    const due = dueReminders(event.sessions, offsetsMinutes, ctx.nowMs);
    if (due.length === 0) continue;
    const members = await db
      .selectFrom('event_members')
      .innerJoin('people', 'people.id', 'event_members.person_id')
      .select(['people.id', 'people.name', 'people.email', 'people.language'])
      .where('event_members.event_id', '=', event.id)
      .where('people.email', 'is not', null)
      .execute();
    for (const reminder of due) {
      for (const member of members) {
        if (!member.email) continue;
        const language = mailLanguage(member.language);
        const line = sessionLines(event, language)[reminder.index];
        if (!line) continue;
        const added = await enqueueMail(
          db,
          {
            dedupeKey: `reminder:${event.id}:${reminder.session.id}:${reminder.minutesBefore}:${member.id}`,
            kind: 'session_reminder',
            eventId: event.id,
            to: { personId: member.id, email: member.email, name: member.name, language },
            rendered: renderMail('session_reminder', language, {
              name: member.name,
              eventTitle: textIn(event.title, language),
              eventUrl: eventUrl(ctx.origin, event.id),
              timeZone: event.timeZone,
              session: line,
              minutesBefore: reminder.minutesBefore,
            }),
          },
          ctx.nowMs,
        );
        if (added) written += 1;
      }
    }
  }
  return written;
}
