import type { Category } from '@roundtable/shared';
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

const CATEGORIES: Record<ReportLanguage, Record<Category, string>> = {
  en: {
    government: 'Government',
    private: 'Private sector',
    worker: 'Worker organizations',
    civil_society: 'Civil society',
    international: 'International organizations',
    academia: 'Academia',
    other: 'Other',
  },
  ja: {
    government: '政府',
    private: '民間',
    worker: '労働組合',
    civil_society: '市民社会',
    international: '国際機関',
    academia: '学術',
    other: 'その他',
  },
};

export type ReportLabels = (typeof LABELS)[ReportLanguage];

export function labelsFor(language: ReportLanguage): ReportLabels {
  return LABELS[language];
}

export function categoryLabel(language: ReportLanguage, category: Category | null): string {
  return category ? CATEGORIES[language][category] : CATEGORIES[language].other;
}

/** A timestamp in the event's zone, formatted for the report's language. */
export function formatDateTime(language: ReportLanguage, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
