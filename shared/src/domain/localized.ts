import { z } from 'zod';
import { Limits } from '../limits.js';

/*
 * Content in two languages. Roundtable's dialogues are Japanese–English: what organizers write
 * (titles, names, descriptions) can carry both, one of them at least. An empty string is "not
 * written in this language"; readers then show the other with a visible marker (`pickText`).
 */

/** The languages content can be written in (the interface's own languages). */
export const ContentLanguageSchema = z.enum(['en', 'ja']);
export type ContentLanguage = z.infer<typeof ContentLanguageSchema>;

export const CONTENT_LANGUAGES: readonly ContentLanguage[] = ContentLanguageSchema.options;

/** A text in English and Japanese; `''` where it is not written in that language. */
export interface LocalizedText {
  en: string;
  ja: string;
}

/** An empty pair (an optional text nobody wrote). */
export const EMPTY_TEXT: LocalizedText = Object.freeze({ en: '', ja: '' });

interface TextOptions {
  /** Longest text per language. */
  max: number;
  /** When true, at least one language must be written. */
  required?: boolean;
}

const hasText = (text: LocalizedText): boolean => text.en.length > 0 || text.ja.length > 0;
const REQUIRED = { message: 'Write it in English or Japanese (or both)' };

/**
 * The pair as stored and answered. A missing language reads as `''`, so `{ ja: '…' }` is a valid
 * Japanese-only text.
 */
export function localizedTextSchema({ max, required = false }: TextOptions) {
  const side = z.string().trim().max(max).default('');
  const pair = z.object({ en: side, ja: side });
  return required ? pair.refine(hasText, REQUIRED) : pair;
}

// Kana are Japanese only; Han characters count too (Chinese is not a content language here).
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The language a plain text is written in: Japanese when it has Japanese script, else English. */
export function languageOfText(text: string): ContentLanguage {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}

/** A plain string as a pair, under the language its script shows (older clients send strings). */
export function textFromPlain(text: string): LocalizedText {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { en: '', ja: '' };
  return languageOfText(trimmed) === 'ja' ? { en: '', ja: trimmed } : { en: trimmed, ja: '' };
}

/**
 * What request bodies accept for a bilingual field: the pair, or a plain string (stored under the
 * language of its script, see `textFromPlain`) so clients written before the pair keep working.
 */
export function localizedInputSchema({ max, required = false }: TextOptions) {
  const plain = z.string().trim().max(max).transform(textFromPlain);
  const accepted = z.union([plain, localizedTextSchema({ max })]);
  return required ? accepted.refine(hasText, REQUIRED) : accepted;
}

/** What a reader in `lang` sees of a text: the text, its language, and whether it fell back. */
export interface PickedText {
  text: string;
  lang: ContentLanguage;
  /** True when `lang` was not written and the other language is shown instead. */
  fallback: boolean;
}

/** The text in `lang`, or the other language marked as a fallback; `''` when neither is written. */
export function pickText(text: LocalizedText, lang: ContentLanguage): PickedText {
  if (text[lang].length > 0) return { text: text[lang], lang, fallback: false };
  const other: ContentLanguage = lang === 'en' ? 'ja' : 'en';
  if (text[other].length > 0) return { text: text[other], lang: other, fallback: true };
  return { text: '', lang, fallback: false };
}

/** The text in `lang`, falling back to the other language (no marker: file names, logs, sorting). */
export function textIn(text: LocalizedText, lang: ContentLanguage): string {
  return pickText(text, lang).text;
}

/** One line for places that show a single string to everyone (audit log, calendar names). */
export function bothTexts(text: LocalizedText): string {
  if (text.en && text.ja && text.en !== text.ja) return `${text.en} / ${text.ja}`;
  return text.en || text.ja;
}

/** True when neither language is written. */
export function isEmptyText(text: LocalizedText): boolean {
  return !hasText(text);
}

/** Applies `map` to both languages (e.g. building "Japan — Government" in each). */
export function mapText(
  text: LocalizedText,
  map: (value: string, lang: ContentLanguage) => string,
): LocalizedText {
  return { en: text.en ? map(text.en, 'en') : '', ja: text.ja ? map(text.ja, 'ja') : '' };
}

/** A required name in English and/or Japanese (the pair of `NameSchema`). */
export const LocalizedNameSchema = localizedTextSchema({ max: Limits.maxNameLength, required: true });
/** An optional short text (a theme, a session label) in either language. */
export const LocalizedLabelSchema = localizedTextSchema({ max: Limits.maxNameLength });
/** An optional long text (a description) in either language. */
export const LocalizedDescriptionSchema = localizedTextSchema({ max: Limits.maxTextLength });

/** Body forms of the three: a pair or a plain string (see `localizedInputSchema`). */
export const LocalizedNameInputSchema = localizedInputSchema({ max: Limits.maxNameLength, required: true });
export const LocalizedLabelInputSchema = localizedInputSchema({ max: Limits.maxNameLength });
export const LocalizedDescriptionInputSchema = localizedInputSchema({ max: Limits.maxTextLength });

/** `?lang=en|ja`: which language a file (calendar, report export) is written in. */
export const LanguageQuerySchema = z.object({ lang: ContentLanguageSchema.default('en') });
export type LanguageQuery = z.infer<typeof LanguageQuerySchema>;

/** A text as code may write it: a plain string (see `textFromPlain`) or a pair, sides optional. */
export type TextInput = string | Partial<LocalizedText>;

/** `TextInput` as a pair. */
export function toText(input: TextInput): LocalizedText {
  return typeof input === 'string' ? textFromPlain(input) : { en: input.en ?? '', ja: input.ja ?? '' };
}

/** `T` with every bilingual field also accepting a `TextInput` (test builders, seed data). */
export type Loosely<T> = {
  [K in keyof T]: T[K] extends LocalizedText
    ? TextInput
    : T[K] extends readonly (infer U)[]
      ? Loosely<U>[]
      : T[K] extends LocalizedText | null
        ? TextInput | null
        : T[K];
};
