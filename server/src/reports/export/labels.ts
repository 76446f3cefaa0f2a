import type { ReportLanguage } from './model.js';

const LABELS = {
  en: {
    report: 'Report',
    series: 'Series',
    theme: 'Theme',
    schedule: 'Schedule',
    minutes: 'Minutes',
    decisions: 'Decisions',
    actions: 'Action items',
    owner: 'Owner',
    due: 'Due',
    attendance: 'Participating ministries and organizations',
    approvedOn: 'Minutes approved',
    published: 'Published',
    none: 'None.',
    timeZone: 'Times in',
  },
  ja: {
    report: '報告書',
    series: 'シリーズ',
    theme: 'テーマ',
    schedule: '日程',
    minutes: '議事録',
    decisions: '決定事項',
    actions: 'アクションアイテム',
    owner: '担当',
    due: '期限',
    attendance: '参加省庁・団体',
    approvedOn: '議事録承認日',
    published: '公開日',
    none: 'なし',
    timeZone: '時刻の表示',
  },
} as const;

export type ReportLabels = (typeof LABELS)[ReportLanguage];

export function labelsFor(language: ReportLanguage): ReportLabels {
  return LABELS[language];
}

/** A timestamp in the event's zone, formatted for the report's language. */
export function formatDateTime(language: ReportLanguage, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
