import type { Category } from '@roundtable/shared';
import type { Block } from './blocks.js';

export type ReportLanguage = 'en' | 'ja';

/** One attendee as the report lists them. */
export interface Attendee {
  name: string;
  organization: string;
  side: string;
  category: Category | null;
}

/** Attendance of one room grouped as the seed does: by side, then category, listing organizations. */
export interface AttendanceGroup {
  side: string;
  categories: { category: Category | null; organizations: string[]; people: string[] }[];
}

export interface ReportRoom {
  name: string;
  approvedAt: string | null;
  minutes: Block[];
  decisions: string[];
  actions: { text: string; owner: string; due: string }[];
  attendance: AttendanceGroup[];
}

/** Everything an exporter needs; built once from the store, rendered by each format. */
export interface ReportModel {
  language: ReportLanguage;
  title: string;
  seriesTitle: string | null;
  theme: string;
  description: string;
  timeZone: string;
  sessions: { label: string; startsAt: string; endsAt: string }[];
  publishedAt: string | null;
  rooms: ReportRoom[];
}

/** Category order in listings: government first, as the seed lists them. */
const CATEGORY_ORDER: readonly (Category | null)[] = [
  'government',
  'private',
  'worker',
  'civil_society',
  'international',
  'academia',
  'other',
  null,
];

/**
 * Groups attendees by side (in order of first appearance) and category (fixed order), listing each
 * organization once — the seed's "Participating ministries and organizations".
 */
export function groupAttendance(attendees: readonly Attendee[]): AttendanceGroup[] {
  const sides = new Map<string, Map<Category | null, { organizations: string[]; people: string[] }>>();
  for (const a of attendees) {
    const side = a.side || '—';
    let categories = sides.get(side);
    if (!categories) {
      categories = new Map<Category | null, { organizations: string[]; people: string[] }>();
      sides.set(side, categories);
    }
    let entry = categories.get(a.category);
    if (!entry) {
      entry = { organizations: [], people: [] };
      categories.set(a.category, entry);
    }
    if (a.organization && !entry.organizations.includes(a.organization))
      entry.organizations.push(a.organization);
    if (!entry.people.includes(a.name)) entry.people.push(a.name);
  }
  return [...sides].map(([side, categories]) => ({
    side,
    categories: [...categories]
      .sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b))
      .map(([category, entry]) => ({ category, ...entry })),
  }));
}
