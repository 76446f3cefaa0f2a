import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../api/http';
import { useMe } from '../auth/useMe';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { calendarUrl, eventKeys, fetchEventDetail } from './api';
import { RoomLinks } from './RoomLinks';
import { Schedule } from './Schedule';
import { isEmptyText } from '@roundtable/shared';
import { Localized, useTextIn } from '../i18n/Localized';

/** An event as its members see it: what, when (in two zones), and the rooms they may enter. */
export default function EventPage() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const eventId = useParams()['eventId'] ?? '';
  const me = useMe();
  const event = useQuery({
    queryKey: eventKeys.detail(eventId),
    queryFn: ({ signal }) => fetchEventDetail(eventId, signal),
  });

  if (event.isPending) return <Loading />;
  if (event.isError) {
    const signedOut = event.error instanceof ApiRequestError && event.error.status === 401;
    return (
      <section aria-labelledby="event-error-heading">
        <h1 id="event-error-heading">{t('eventPage.unavailable')}</h1>
        <ErrorAlert error={event.error} />
        {signedOut && (
          <p>
            {t('eventPage.notRegisteredYet')}{' '}
            <Link to={`/events/${encodeURIComponent(eventId)}/register`}>{t('events.register')}</Link>
          </p>
        )}
      </section>
    );
  }

  const detail = event.data;
  return (
    <article className="event-page" aria-labelledby="event-heading">
      <PageTitle>{textIn(detail.title)}</PageTitle>
      <header>
        {detail.series && (
          <p className="eyebrow">
            <Localized text={detail.series.title} />
          </p>
        )}
        <h1 id="event-heading">
          <Localized text={detail.title} />
        </h1>
        {!isEmptyText(detail.theme) && (
          <p className="theme">
            <span className="label">{t('eventPage.theme')}</span> <Localized text={detail.theme} />
          </p>
        )}
        {me.data?.person.isOrganizer && (
          <p>
            <Link to={`/console/events/${encodeURIComponent(detail.id)}`}>{t('eventPage.manage')}</Link>
          </p>
        )}
      </header>
      {!isEmptyText(detail.description) && (
        <p className="description">
          <Localized text={detail.description} />
        </p>
      )}

      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">{t('eventPage.schedule')}</h2>
        <Schedule sessions={detail.sessions} timeZone={detail.timeZone} />
        {detail.sessions.length > 0 && (
          <p>
            <a href={calendarUrl(detail.id)} download>
              {t('eventPage.addToCalendar')}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="rooms-heading">
        <h2 id="rooms-heading">{t('eventPage.rooms')}</h2>
        <RoomLinks rooms={detail.rooms} />
      </section>
    </article>
  );
}
