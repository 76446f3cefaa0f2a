import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './index';

/** Switches the interface language; the detector remembers the choice in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();

  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    void i18n.changeLanguage(event.target.value);
  }

  return (
    <div className="language-switch">
      <label htmlFor={id} className="phone-hidden">
        {t('language.label')}
      </label>
      <select id={id} value={i18n.resolvedLanguage ?? 'en'} onChange={handleChange}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
