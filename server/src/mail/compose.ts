import addressparser from 'nodemailer/lib/addressparser';
import { textIn, type Event, type IssuedInvitation, type MailLanguage } from '@roundtable/shared';
import { eventToIcs } from '../events/calendar.js';
import type { Db } from '../store/db.js';
import { renderContent, type RenderedMail } from './messages/content.js';
import {
  composeContent,
  formatSession,
  type SessionLine,
  type TemplateInputs,
  type TemplateKind,
} from './messages/templates.js';
import { enqueueMail, mailLanguage, type MailRecipient } from './outbox.js';

/** What every composer needs beside its own facts: where links point, who sends, the time. */
export interface ComposeContext {
  origin: string;
  /** `MAIL_FROM`, e.g. `Secretariat <secretariat@example.org>` (the calendar's organizer). */
  from: string;
  nowMs: number;
}

/** Renders one template into the subject, text and HTML of a message. */
export function renderMail<K extends TemplateKind>(
  kind: K,
  language: MailLanguage,
  input: TemplateInputs[K],
): RenderedMail {
  return renderContent(composeContent(kind, language, input), language);
}

export function eventUrl(origin: string, eventId: string): string {
  return `${origin}/events/${encodeURIComponent(eventId)}`;
}

function base(event: Event, to: MailRecipient, origin: string) {
  return {
    name: to.name,
    // The event's name in the recipient's language (the other where it was not written).
    eventTitle: textIn(event.title, to.language),
    eventUrl: eventUrl(origin, event.id),
    timeZone: event.timeZone,
  };
}

/** The event's sessions as one person reads them, on the event's clock, in their language. */
export function sessionLines(event: Event, language: MailLanguage): SessionLine[] {
  return event.sessions.map((s, i) => ({
    label: textIn(s.label, language) || (language === 'ja' ? `第${i + 1}セッション` : `Session ${i + 1}`),
    ...formatSession(s, event.timeZone, language),
  }));
}

function formatDay(iso: string, timeZone: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    dateStyle: 'long',
  }).format(new Date(iso));
}

/** The address part of `MAIL_FROM`, for the calendar's ORGANIZER. */
export function senderOf(from: string): { name: string; email: string } {
  const [first] = addressparser(from, { flatten: true });
  return { name: first?.name || 'Roundtable', email: first?.address || 'no-reply@localhost' };
}

/** "We received your registration", with the personal status link. */
export function queueRegistrationReceived(
  db: Db,
  ctx: ComposeContext,
  input: { event: Event; registrationId: string; to: MailRecipient; statusUrl: string },
): Promise<boolean> {
  return enqueueMail(
    db,
    {
      dedupeKey: `registration_received:${input.registrationId}`,
      kind: 'registration_received',
      eventId: input.event.id,
      to: input.to,
      rendered: renderMail('registration_received', input.to.language, {
        ...base(input.event, input.to, ctx.origin),
        statusUrl: input.statusUrl,
      }),
    },
    ctx.nowMs,
  );
}

/** "Your registration was declined." */
export function queueRegistrationDeclined(
  db: Db,
  ctx: ComposeContext,
  input: { event: Event; registrationId: string; to: MailRecipient },
): Promise<boolean> {
  return enqueueMail(
    db,
    {
      dedupeKey: `registration_declined:${input.registrationId}`,
      kind: 'registration_declined',
      eventId: input.event.id,
      to: input.to,
      rendered: renderMail(
        'registration_declined',
        input.to.language,
        base(input.event, input.to, ctx.origin),
      ),
    },
    ctx.nowMs,
  );
}

/**
 * The personal invitation link with the sessions as a `METHOD:REQUEST` calendar: after an
 * approval (`registration_approved`) or when an organizer issues links (`invitation`). One
 * message per invitation: a re-issued link is a new invitation and so a new message.
 */
export function queueInvitationMail(
  db: Db,
  ctx: ComposeContext,
  input: {
    kind: 'registration_approved' | 'invitation';
    event: Event;
    invitation: IssuedInvitation;
    to: MailRecipient;
  },
): Promise<boolean> {
  const { event, invitation, to } = input;
  const url = eventUrl(ctx.origin, event.id);
  const ics = eventToIcs(
    event,
    url,
    { organizer: senderOf(ctx.from), attendee: { name: to.name, email: to.email } },
    to.language,
  );
  return enqueueMail(
    db,
    {
      dedupeKey: `invitation:${invitation.id}`,
      kind: input.kind,
      eventId: event.id,
      invitationId: invitation.id,
      to,
      rendered: renderMail(input.kind, to.language, {
        ...base(event, to, ctx.origin),
        invitationUrl: invitation.url,
        expiresAt: formatDay(invitation.expiresAt, event.timeZone, to.language),
        sessions: sessionLines(event, to.language),
      }),
      attachments: [
        { filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content: ics },
      ],
    },
    ctx.nowMs,
  );
}

/**
 * "The report is published", with the report link, to everyone who holds a role in the room or
 * is on its attendance list (and has an address): one message per person and publication, so a
 * report reopened and published again is announced again, but a retried publish is not.
 */
export async function queueMinutesPublished(
  db: Db,
  ctx: ComposeContext,
  input: { event: Event; roomId: string; publishedAt: string; attendees: readonly string[] },
): Promise<number> {
  const { event, roomId, publishedAt } = input;
  const withRole = db.selectFrom('room_roles').select('person_id').where('room_id', '=', roomId);
  const people = await db
    .selectFrom('people')
    .select(['id', 'name', 'email', 'language'])
    .where('email', 'is not', null)
    .where((eb) =>
      input.attendees.length > 0
        ? eb.or([eb('id', 'in', withRole), eb('id', 'in', [...input.attendees])])
        : eb('id', 'in', withRole),
    )
    .execute();
  let written = 0;
  for (const person of people) {
    if (!person.email) continue;
    const to: MailRecipient = {
      personId: person.id,
      email: person.email,
      name: person.name,
      language: mailLanguage(person.language),
    };
    const added = await enqueueMail(
      db,
      {
        dedupeKey: `minutes_published:${roomId}:${publishedAt}:${person.id}`,
        kind: 'minutes_published',
        eventId: event.id,
        to,
        rendered: renderMail('minutes_published', to.language, {
          ...base(event, to, ctx.origin),
          reportUrl: `${eventUrl(ctx.origin, event.id)}/report?lang=${to.language}`,
        }),
      },
      ctx.nowMs,
    );
    if (added) written += 1;
  }
  return written;
}
