import { useTranslation } from 'react-i18next';

/** The viewer's own IANA time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone's UTC offset at `at`, e.g. "GMT+9", in the given language. */
export function formatZoneOffset(timeZone: string, language: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(
    at,
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * A start–end range in one time zone with its offset, e.g. "Mon, May 12, 2025, 10:00 AM – 12:00 PM
 * (GMT+9)". `formatRange` drops `timeZoneName`, so the offset at the start is appended.
 */
export function formatRangeIn(startIso: string, endIso: string, timeZone: string, language: string): string {
  const start = new Date(startIso);
  const format = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  return `${format.formatRange(start, new Date(endIso))} (${formatZoneOffset(timeZone, language, start)})`;
}

/** The calendar date of an instant in a zone, e.g. "12 May 2025". */
export function formatDateIn(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** One instant as date and time in the viewer's zone, in the current language. */
export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Formatters bound to the current interface language; re-render on language change. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return {
    language,
    dateTime: (iso: string, timeZone?: string) => formatDateTime(iso, language, timeZone),
    range: (startIso: string, endIso: string, timeZone: string) =>
      formatRangeIn(startIso, endIso, timeZone, language),
    date: (iso: string, timeZone: string) => formatDateIn(iso, timeZone, language),
    zoneOffset: (timeZone: string, at?: Date) => formatZoneOffset(timeZone, language, at),
  };
}
