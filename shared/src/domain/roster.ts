import type { Category } from './people.js';

export type RosterLanguage = 'en' | 'ja';

/**
 * The report's "Participating ministries and organizations" in one form wherever it appears (the
 * report page, Markdown, HTML and DOCX): short category labels as the seed writes them
 * ("(Government)", "(Private)"), and organizations joined by "; " because their names contain
 * commas ("Ministry of Economy, Trade and Industry"); Japanese joins with "、".
 */
const CATEGORY_LABELS: Record<RosterLanguage, Record<Category, string>> = {
  en: {
    government: 'Government',
    private: 'Private',
    worker: 'Workers',
    civil_society: 'Civil society',
    international: 'International',
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

const SEPARATOR: Record<RosterLanguage, string> = { en: '; ', ja: '、' };

export function rosterCategoryLabel(language: RosterLanguage, category: Category | null): string {
  return CATEGORY_LABELS[language][category ?? 'other'];
}

/** The names of one category: its organizations, or its people where none gave one. */
export function rosterNames(
  language: RosterLanguage,
  entry: { organizations: readonly string[]; people: readonly string[] },
): string {
  return (entry.organizations.length > 0 ? entry.organizations : entry.people).join(SEPARATOR[language]);
}

/** "(Government) Ministry of Economy, Trade and Industry; Ministry of Foreign Affairs" */
export function rosterLine(
  language: RosterLanguage,
  entry: { category: Category | null; organizations: readonly string[]; people: readonly string[] },
): string {
  const open = language === 'ja' ? '（' : '(';
  const close = language === 'ja' ? '）' : ') ';
  return `${open}${rosterCategoryLabel(language, entry.category)}${close}${rosterNames(language, entry)}`;
}
