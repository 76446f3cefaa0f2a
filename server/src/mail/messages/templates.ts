import type { MailLanguage } from '@roundtable/shared';
import type { MailContent } from './content.js';

/** A session of the event as the message shows it: label and times on the event's clock. */
export interface SessionLine {
  label: string;
  startsAt: string;
  endsAt: string;
}

/** What every message knows: who it is for and which event it is about. */
interface Base {
  name: string;
  eventTitle: string;
  eventUrl: string;
  timeZone: string;
}

/** The input of each template, by message kind. */
export interface TemplateInputs {
  registration_received: Base & { statusUrl: string };
  registration_approved: Base & { invitationUrl: string; expiresAt: string; sessions: SessionLine[] };
  invitation: Base & { invitationUrl: string; expiresAt: string; sessions: SessionLine[] };
  registration_declined: Base;
  session_reminder: Base & { session: SessionLine; minutesBefore: number };
  minutes_published: Base & { reportUrl: string };
}
export type TemplateKind = keyof TemplateInputs;

type Templates = { [K in TemplateKind]: (input: TemplateInputs[K]) => MailContent };

/** "3 Mar 2021, 09:00 – 11:00 (Asia/Tokyo)" / "2021年3月3日 9:00～11:00（Asia/Tokyo）" */
export function formatSession(
  session: { startsAt: string; endsAt: string },
  timeZone: string,
  language: MailLanguage,
): { startsAt: string; endsAt: string } {
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const full = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(session.startsAt)) ===
    new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(session.endsAt));
  const end = sameDay ? new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }) : full;
  return { startsAt: full.format(new Date(session.startsAt)), endsAt: end.format(new Date(session.endsAt)) };
}

function hoursOrMinutes(minutes: number, language: MailLanguage): string {
  const hours = minutes / 60;
  if (Number.isInteger(hours))
    return language === 'ja' ? `${hours}時間` : `${hours} hour${hours === 1 ? '' : 's'}`;
  return language === 'ja' ? `${minutes}分` : `${minutes} minutes`;
}

const en: Templates = {
  registration_received: (i) => ({
    subject: `Registration received: ${i.eventTitle}`,
    greeting: `Dear ${i.name},`,
    blocks: [
      {
        kind: 'text',
        text: `Thank you for registering for “${i.eventTitle}”. Your registration is pending.`,
      },
      {
        kind: 'text',
        text:
          'What happens next: the secretariat reviews every registration. When yours is approved you ' +
          'will receive a personal invitation link by email, with the sessions for your calendar. ' +
          'Until then you can check its status, correct your details or withdraw here:',
      },
      { kind: 'link', label: 'Your registration', url: i.statusUrl },
      { kind: 'text', text: 'Keep this link to yourself: anyone who has it can change your registration.' },
    ],
    signature: 'The secretariat',
  }),
  registration_approved: (i) => ({
    subject: `You are invited: ${i.eventTitle}`,
    greeting: `Dear ${i.name},`,
    blocks: [
      { kind: 'text', text: `Your registration for “${i.eventTitle}” has been approved.` },
      ...invitationBlocks(i, 'en'),
    ],
    signature: 'The secretariat',
  }),
  invitation: (i) => ({
    subject: `Your invitation link: ${i.eventTitle}`,
    greeting: `Dear ${i.name},`,
    blocks: [{ kind: 'text', text: `You are invited to “${i.eventTitle}”.` }, ...invitationBlocks(i, 'en')],
    signature: 'The secretariat',
  }),
  registration_declined: (i) => ({
    subject: `Your registration: ${i.eventTitle}`,
    greeting: `Dear ${i.name},`,
    blocks: [
      {
        kind: 'text',
        text: `Thank you for your interest in “${i.eventTitle}”. We are sorry that we cannot offer you a place this time.`,
      },
      { kind: 'link', label: 'About the event', url: i.eventUrl },
    ],
    signature: 'The secretariat',
  }),
  session_reminder: (i) => ({
    subject: `In ${hoursOrMinutes(i.minutesBefore, 'en')}: ${i.eventTitle} — ${i.session.label}`,
    greeting: `Dear ${i.name},`,
    blocks: [
      {
        kind: 'text',
        text: `A reminder: “${i.session.label}” of “${i.eventTitle}” starts ${i.session.startsAt} (${i.timeZone}).`,
      },
      { kind: 'link', label: 'Open the event', url: i.eventUrl },
    ],
    signature: 'The secretariat',
  }),
  minutes_published: (i) => ({
    subject: `Report published: ${i.eventTitle}`,
    greeting: `Dear ${i.name},`,
    blocks: [
      { kind: 'text', text: `The minutes of “${i.eventTitle}” are approved and published as a report.` },
      { kind: 'link', label: 'Read the report', url: i.reportUrl },
    ],
    signature: 'The secretariat',
  }),
};

const ja: Templates = {
  registration_received: (i) => ({
    subject: `参加登録を受け付けました：${i.eventTitle}`,
    greeting: `${i.name} 様`,
    blocks: [
      { kind: 'text', text: `「${i.eventTitle}」への参加登録をありがとうございます。現在、承認待ちです。` },
      {
        kind: 'text',
        text:
          '今後の流れ：事務局がすべての登録を確認します。承認されると、個人用の招待リンクと' +
          'カレンダー用の日程をメールでお送りします。それまでの間、登録状況の確認、内容の修正、' +
          '取り消しは次のページからできます。',
      },
      { kind: 'link', label: '登録状況を見る', url: i.statusUrl },
      {
        kind: 'text',
        text: 'このリンクは他の人に共有しないでください。リンクを知っている人は登録を変更できます。',
      },
    ],
    signature: '事務局',
  }),
  registration_approved: (i) => ({
    subject: `ご招待：${i.eventTitle}`,
    greeting: `${i.name} 様`,
    blocks: [
      { kind: 'text', text: `「${i.eventTitle}」への参加登録が承認されました。` },
      ...invitationBlocks(i, 'ja'),
    ],
    signature: '事務局',
  }),
  invitation: (i) => ({
    subject: `招待リンクのお知らせ：${i.eventTitle}`,
    greeting: `${i.name} 様`,
    blocks: [{ kind: 'text', text: `「${i.eventTitle}」にご招待します。` }, ...invitationBlocks(i, 'ja')],
    signature: '事務局',
  }),
  registration_declined: (i) => ({
    subject: `参加登録について：${i.eventTitle}`,
    greeting: `${i.name} 様`,
    blocks: [
      {
        kind: 'text',
        text: `「${i.eventTitle}」にお申し込みいただきありがとうございました。誠に恐れ入りますが、今回はご参加いただけません。`,
      },
      { kind: 'link', label: 'イベントについて', url: i.eventUrl },
    ],
    signature: '事務局',
  }),
  session_reminder: (i) => ({
    subject: `${hoursOrMinutes(i.minutesBefore, 'ja')}後に開始：${i.eventTitle}「${i.session.label}」`,
    greeting: `${i.name} 様`,
    blocks: [
      {
        kind: 'text',
        text: `「${i.eventTitle}」の「${i.session.label}」は ${i.session.startsAt}（${i.timeZone}）に始まります。`,
      },
      { kind: 'link', label: 'イベントを開く', url: i.eventUrl },
    ],
    signature: '事務局',
  }),
  minutes_published: (i) => ({
    subject: `報告書を公開しました：${i.eventTitle}`,
    greeting: `${i.name} 様`,
    blocks: [
      { kind: 'text', text: `「${i.eventTitle}」の議事録が承認され、報告書として公開されました。` },
      { kind: 'link', label: '報告書を読む', url: i.reportUrl },
    ],
    signature: '事務局',
  }),
};

function invitationBlocks(i: TemplateInputs['invitation'], language: MailLanguage): MailContent['blocks'] {
  const sessions = i.sessions.map((s) => `${s.label}: ${s.startsAt} – ${s.endsAt}`);
  if (language === 'ja') {
    return [
      { kind: 'text', text: `日程（${i.timeZone}）：` },
      { kind: 'list', items: sessions },
      { kind: 'text', text: '次の個人用リンクからサインインしてください（パスワードは不要です）。' },
      { kind: 'link', label: 'サインインして参加する', url: i.invitationUrl },
      {
        kind: 'text',
        text: `このリンクはあなた専用で、${i.expiresAt} まで有効です。添付のカレンダーファイル（.ics）で予定を追加できます。`,
      },
    ];
  }
  return [
    { kind: 'text', text: `Sessions (${i.timeZone}):` },
    { kind: 'list', items: sessions },
    { kind: 'text', text: 'Sign in with your personal link (no password needed):' },
    { kind: 'link', label: 'Sign in and join', url: i.invitationUrl },
    {
      kind: 'text',
      text: `The link is yours alone and valid until ${i.expiresAt}. The attached calendar file (.ics) adds the sessions to your calendar.`,
    },
  ];
}

/** Every template, in both languages: the one place the words of the mail live. */
export const TEMPLATES: Record<MailLanguage, Templates> = { en, ja };

/** The content of one message of `kind` in `language`. */
export function composeContent<K extends TemplateKind>(
  kind: K,
  language: MailLanguage,
  input: TemplateInputs[K],
): MailContent {
  const template = TEMPLATES[language][kind] as (input: TemplateInputs[K]) => MailContent;
  return template(input);
}
