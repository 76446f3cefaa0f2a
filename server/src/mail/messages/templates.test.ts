import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { MailLanguageSchema } from '@roundtable/shared';
import { renderMail } from '../compose.js';
import { TEMPLATES, type TemplateInputs, type TemplateKind } from './templates.js';

const base = {
  name: 'Sato <Hiroshi>',
  eventTitle: 'Foreign Workers Round Table & Friends',
  eventUrl: 'https://rt.example/events/ev-1',
  timeZone: 'Asia/Tokyo',
};
const session = { label: 'Day 1', startsAt: '10 Oct 2018, 10:00', endsAt: '13:00' };
const inputs: TemplateInputs = {
  registration_received: { ...base, statusUrl: 'https://rt.example/registration-status?token=abc' },
  registration_approved: {
    ...base,
    invitationUrl: 'https://rt.example/invite?token=tok',
    expiresAt: '9 November 2018',
    sessions: [session],
  },
  invitation: {
    ...base,
    invitationUrl: 'https://rt.example/invite?token=tok2',
    expiresAt: '1 Dec',
    sessions: [session],
  },
  registration_declined: base,
  session_reminder: { ...base, session, minutesBefore: 60 },
  minutes_published: { ...base, reportUrl: 'https://rt.example/events/ev-1/report' },
};
const kinds = Object.keys(inputs) as TemplateKind[];
/** The link each message exists to deliver. */
const linkOf: Record<TemplateKind, string> = {
  registration_received: inputs.registration_received.statusUrl,
  registration_approved: inputs.registration_approved.invitationUrl,
  invitation: inputs.invitation.invitationUrl,
  registration_declined: base.eventUrl,
  session_reminder: base.eventUrl,
  minutes_published: inputs.minutes_published.reportUrl,
};

describe('mail templates', () => {
  it('exist for every kind in both languages', () => {
    for (const language of MailLanguageSchema.options) {
      expect(Object.keys(TEMPLATES[language]).sort()).toEqual([...kinds].sort());
    }
  });

  describe.each(MailLanguageSchema.options)('in %s', (language) => {
    it.each(kinds)('%s carries the same words and links in text and HTML, escaped in HTML', (kind) => {
      const input = inputs[kind];
      const mail = renderMail(kind, language, input as never);
      const html = parse(mail.html);
      expect(html.querySelector('html')?.getAttribute('lang')).toBe(language);
      const hrefs = html.querySelectorAll('a').map((a) => a.getAttribute('href'));
      // The event title's "&" and the name's "<…>" arrive as text, not as markup.
      expect(html.querySelector('script')).toBeNull();
      expect(html.text).toContain('Sato <Hiroshi>');
      expect(mail.text).toContain('Sato <Hiroshi>');
      expect(mail.subject).toContain('Foreign Workers Round Table & Friends');
      expect(mail.text).toContain(linkOf[kind]);
      expect(hrefs).toEqual([linkOf[kind]]);
    });
  });

  it('writes Japanese mail in Japanese and English mail in English', () => {
    const ja = renderMail('registration_received', 'ja', inputs.registration_received);
    const en = renderMail('registration_received', 'en', inputs.registration_received);
    expect(ja.text).toMatch(/様/);
    expect(ja.text).toContain('今後の流れ');
    expect(en.text).toContain('What happens next');
    expect(en.text).not.toMatch(/[\u3040-\u30ff]/);
  });

  it('names the reminder lead time in hours or minutes', () => {
    expect(
      renderMail('session_reminder', 'en', { ...inputs.session_reminder, minutesBefore: 1440 }).subject,
    ).toMatch(/^In 24 hours:/);
    expect(
      renderMail('session_reminder', 'en', { ...inputs.session_reminder, minutesBefore: 60 }).subject,
    ).toMatch(/^In 1 hour:/);
    expect(
      renderMail('session_reminder', 'ja', { ...inputs.session_reminder, minutesBefore: 90 }).subject,
    ).toMatch(/^90分後に開始/);
  });
});
