import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { eventKeys, fetchEvents } from '../events/api';
import { firstSession } from '../events/sessions';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { SeriesSection } from './SeriesSection';
import { Localized } from '../i18n/Localized';

/** The console's start: every event with a way into each, and the series they belong to. */
export function ConsoleHome() {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useQuery({ queryKey: eventKeys.list(), queryFn: ({ signal }) => fetchEvents(signal) });

  return (
    <>
      <PageTitle>{t('console.title')}</PageTitle>
      <h1>{t('console.title')}</h1>
      <section aria-labelledby="console-events-heading">
        <h2 id="console-events-heading">{t('console.events')}</h2>
        <p>
          <Link to="/console/events/new" className="button-link">
            {t('console.newEvent')}
          </Link>
        </p>
        {events.isPending && <Loading />}
        <ErrorAlert error={events.error} />
        {events.data && events.data.length === 0 && <p>{t('console.noEvents')}</p>}
        {events.data && events.data.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.eventTitle')}</th>
                <th scope="col">{t('console.firstSession')}</th>
                <th scope="col">{t('console.registration')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => {
                const first = firstSession(event.sessions);
                return (
                  <tr key={event.id}>
                    <th scope="row">
                      <Link to={`/console/events/${encodeURIComponent(event.id)}`}>
                        <Localized text={event.title} />
                      </Link>
                    </th>
                    <td>{first ? format.date(first.startsAt, event.timeZone) : '—'}</td>
                    <td>{event.registrationOpen ? t('console.open') : t('console.closed')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <SeriesSection />
    </>
  );
}
