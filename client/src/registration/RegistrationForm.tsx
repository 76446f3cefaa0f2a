import { useMutation } from '@tanstack/react-query';
import type { RegisterBody, Venue } from '@roundtable/shared';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { Field } from '../ui/Field';
import { statusPath, submitRegistration } from './api';
import { usePlaceOptions } from './places';
import { formText } from '../ui/formText';

const FIELDS = ['name', 'organization', 'email', 'phone', 'place'] as const;

interface RegistrationFormProps {
  eventId: string;
  venues: readonly Venue[];
}

/** The public registration form (the seed's: name, organization, phone, place) plus email. */
export function RegistrationForm({ eventId, venues }: RegistrationFormProps) {
  const { t, i18n } = useTranslation();
  const placeErrorId = useId();
  const mutation = useMutation({
    mutationFn: (body: RegisterBody) => submitRegistration(eventId, body),
  });
  const fieldErrors = fieldErrorsOf(mutation.error);
  const places = usePlaceOptions(venues);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = formText(event.currentTarget);
    mutation.mutate({
      name: text('name'),
      organization: text('organization'),
      email: text('email'),
      phone: text('phone'),
      place: text('place'),
      // The confirmation and every later mail come in the language the form was filled in.
      language: i18n.resolvedLanguage === 'ja' ? 'ja' : 'en',
      website: text('website'),
    });
  }

  if (mutation.isSuccess) {
    return (
      <div role="status" className="alert alert-success">
        <h2>{t('register.successTitle')}</h2>
        <p>{t('register.successBody')}</p>
        <p>
          <Link to={statusPath(mutation.data.statusUrl)}>{t('register.statusLink')}</Link>
        </p>
        <p className="field-hint">{t('register.statusLinkHint')}</p>
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit} aria-label={t('register.formLabel')}>
      <ErrorAlert error={mutation.error} fields={FIELDS} />
      <Field label={t('register.name')} name="name" error={fieldErrors['name']}>
        {(control) => <input {...control} autoComplete="name" required />}
      </Field>
      <Field label={t('register.organization')} name="organization" error={fieldErrors['organization']}>
        {(control) => <input {...control} autoComplete="organization" required />}
      </Field>
      <Field label={t('register.email')} name="email" error={fieldErrors['email']}>
        {(control) => <input {...control} type="email" autoComplete="email" required />}
      </Field>
      <Field label={t('register.phone')} name="phone" error={fieldErrors['phone']}>
        {(control) => <input {...control} type="tel" autoComplete="tel" required />}
      </Field>
      <fieldset
        className={fieldErrors['place'] ? 'field field-invalid' : 'field'}
        aria-describedby={fieldErrors['place'] ? placeErrorId : undefined}
      >
        <legend>{t('register.place')}</legend>
        {places.map((place, index) => (
          <label key={place.id} className="choice">
            <input type="radio" name="place" value={place.id} required defaultChecked={index === 0} />
            {place.name}
          </label>
        ))}
        {fieldErrors['place'] && (
          <p id={placeErrorId} className="field-error">
            {fieldErrors['place']}
          </p>
        )}
      </fieldset>
      {/* Honeypot: out of sight and out of the accessibility tree; only bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label>
          Website
          <input name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <button type="submit" className="button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
