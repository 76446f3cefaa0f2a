import { pickText, textIn, type ContentLanguage, type LocalizedText } from '@roundtable/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import './localized.css';

/** The language content is shown in: the interface's (content exists in English and Japanese). */
export function useContentLanguage(): ContentLanguage {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
}

/**
 * A function giving a bilingual text as one string in the viewer's language (the other where it
 * is missing, unmarked): for page titles, attributes and option labels, where no marker fits.
 */
export function useTextIn(): (text: LocalizedText) => string {
  const lang = useContentLanguage();
  return useCallback((text: LocalizedText) => textIn(text, lang), [lang]);
}

/**
 * A bilingual text in the viewer's language. Where it was written only in the other language,
 * that is shown, tagged with its `lang` (screen readers switch voice) and a visible marker.
 */
export function Localized({ text }: { text: LocalizedText }) {
  const { t } = useTranslation();
  const picked = pickText(text, useContentLanguage());
  if (!picked.fallback) return <span lang={picked.lang}>{picked.text}</span>;
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span>{' '}
      <span className="fallback-marker" title={t(`content.fallbackHint.${picked.lang}`)}>
        {t(`content.fallbackTag.${picked.lang}`)}
      </span>
    </>
  );
}
