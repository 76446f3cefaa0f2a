import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { eventKeys, fetchPublicEvent } from '../events/api';
import { Schedule } from '../events/Schedule';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { RegistrationForm } from './RegistrationForm';
import { isEmptyText, pickText } from '@roundtable/shared';
import { Localized, useContentLanguage, useTextIn } from '../i18n/Localized';

/** The public page of an event: what it is, when, and the form to register. No sign-in needed. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const lang = useContentLanguage();
  const eventId = useParams()['eventId'] ?? '';
  const event = useQuery({
    queryKey: eventKeys.public(eventId),
    queryFn: ({ signal }) => fetchPublicEvent(eventId, signal),
  });

  if (event.isPending) return <Loading />;
  if (event.isError) return <ErrorAlert error={event.error} />;

  const info = event.data;
  return (
    <article className="narrow" aria-labelledby="register-heading">
      <PageTitle>{t('register.pageTitle', { title: textIn(info.title) })}</PageTitle>
      <h1 id="register-heading">{t('register.pageTitle', { title: textIn(info.title) })}</h1>
      {pickText(info.title, lang).fallback && (
        <p className="muted">
          <span
            className="fallback-marker"
            title={t(`content.fallbackHint.${pickText(info.title, lang).lang}`)}
          >
            {t(`content.fallbackTag.${pickText(info.title, lang).lang}`)}
          </span>
        </p>
      )}
      {!isEmptyText(info.theme) && (
        <p className="theme">
          <span className="label">{t('eventPage.theme')}</span> <Localized text={info.theme} />
        </p>
      )}
      {!isEmptyText(info.description) && (
        <p className="description">
          <Localized text={info.description} />
        </p>
      )}
      <Schedule sessions={info.sessions} timeZone={info.timeZone} />
      {info.registrationOpen ? (
        <RegistrationForm eventId={info.id} venues={info.venues} />
      ) : (
        <p role="status" className="alert">
          {t('register.closed')}
        </p>
      )}
    </article>
  );
}
