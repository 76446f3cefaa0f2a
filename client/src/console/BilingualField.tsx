import type { ContentLanguage, LocalizedText } from '@roundtable/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/localized.css';

interface BilingualFieldProps {
  label: string;
  /** The body field's name (`title`, `venues.0.name`): its server errors show here. */
  name: string;
  /** Controlled… */
  value?: LocalizedText;
  onChange?: (value: LocalizedText) => void;
  /** …or uncontrolled, read from the form as `<name>.en` and `<name>.ja`. */
  defaultValue?: LocalizedText | undefined;
  fieldErrors?: Readonly<Record<string, string>>;
  /** At least one language must be written. */
  required?: boolean;
  multiline?: boolean;
  hint?: string;
}

const SIDES: readonly ContentLanguage[] = ['en', 'ja'];

/**
 * One bilingual text as two inputs side by side, English and Japanese, each marked with its
 * `lang` (spell checking and input methods follow it). When the field is required, the browser
 * asks for one of the two only while both are empty.
 */
export function BilingualField(props: BilingualFieldProps) {
  const { label, name, value, onChange, defaultValue, fieldErrors = {}, required = false, hint } = props;
  const multiline = props.multiline ?? false;
  const { t } = useTranslation();
  const id = useId();
  const error = fieldErrors[name] ?? fieldErrors[`${name}.en`] ?? fieldErrors[`${name}.ja`];
  const bothEmpty = value ? value.en.trim() === '' && value.ja.trim() === '' : false;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'bilingual-field field-invalid' : 'bilingual-field'}>
      <legend>{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="bilingual-pair">
        {SIDES.map((lang) => {
          const control = {
            id: `${id}-${lang}`,
            name: `${name}.${lang}`,
            lang,
            required: required && bothEmpty,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': describedBy || undefined,
            ...(value
              ? {
                  value: value[lang],
                  onChange: (e: { target: { value: string } }) =>
                    onChange?.({ ...value, [lang]: e.target.value }),
                }
              : { defaultValue: defaultValue?.[lang] ?? '' }),
          };
          return (
            <div className="field" key={lang}>
              <label htmlFor={control.id}>{t(`content.language.${lang}`)}</label>
              {multiline ? <textarea {...control} rows={4} /> : <input {...control} />}
            </div>
          );
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
