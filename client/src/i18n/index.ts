import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';

/** Languages of the interface, with their own names for the language switch. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ja', name: '日本語' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/** Where the chosen language is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'roundtable.language';

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

i18n.on('languageChanged', applyDocumentLanguage);

// Both languages are bundled: they are small, and switching must not wait for the network.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((language) => language.code),
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    // Keeps the browser console (and test output) free of the library's advertisement.
    showSupportNotice: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
  });

/** The interface language as a BCP 47 tag for `Intl` (always one of ours). */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
}

export { i18n };
