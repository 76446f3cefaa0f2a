import { useQuery } from '@tanstack/react-query';
import type { Me } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/useMe';
import { useFormat } from '../i18n/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { eventKeys, fetchEvents, type EventSummary } from './api';
import { firstSession } from './sessions';
import { isEmptyText } from '@roundtable/shared';
import { Localized, useTextIn } from '../i18n/Localized';

/**
 * Home: the events a person takes part in (every event for organizers), then the events anyone may
 * register for. Split on the client from one listing, so it reads right whatever the server returns
 * to each kind of viewer.
 */
export default function EventsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const events = useQuery({ queryKey: eventKeys.list(), queryFn: ({ signal }) => fetchEvents(signal) });

  if (me.isPending || events.isPending) return <Loading />;
  if (events.isError) return <ErrorAlert error={events.error} />;

  const { mine, open } = splitEvents(events.data, me.data ?? null);
  const isOrganizer = me.data?.person.isOrganizer ?? false;
  return (
    <>
      <PageTitle>{t('events.title')}</PageTitle>
      <h1>{t('events.title')}</h1>
      {me.data && (
        <section aria-labelledby="my-events-heading">
          <h2 id="my-events-heading">{isOrganizer ? t('events.allEvents') : t('events.myEvents')}</h2>
          {mine.length === 0 ? (
            <p>{t('events.noMyEvents')}</p>
          ) : (
            <EventList events={mine} linkToEvent showManage={isOrganizer} />
          )}
        </section>
      )}
      {!isOrganizer && (
        <section aria-labelledby="open-events-heading">
          <h2 id="open-events-heading">{t('events.openForRegistration')}</h2>
          {open.length === 0 ? <p>{t('events.noOpenEvents')}</p> : <EventList events={open} showRegister />}
        </section>
      )}
    </>
  );
}

function splitEvents(events: readonly EventSummary[], me: Me | null) {
  if (!me) return { mine: [], open: events.filter((event) => event.registrationOpen) };
  if (me.person.isOrganizer) return { mine: [...events], open: [] };
  const memberOf = new Set(me.memberships.map((membership) => membership.eventId));
  return {
    mine: events.filter((event) => memberOf.has(event.id)),
    open: events.filter((event) => event.registrationOpen && !memberOf.has(event.id)),
  };
}

interface EventListProps {
  events: readonly EventSummary[];
  linkToEvent?: boolean;
  showRegister?: boolean;
  showManage?: boolean;
}

function EventList({ events, linkToEvent, showRegister, showManage }: EventListProps) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const format = useFormat();
  return (
    <ul className="event-list">
      {events.map((event) => {
        const path = `/events/${encodeURIComponent(event.id)}`;
        const first = firstSession(event.sessions);
        return (
          <li key={event.id} className="card">
            <h3>
              {linkToEvent ? (
                <Link to={path}>
                  <Localized text={event.title} />
                </Link>
              ) : (
                <Localized text={event.title} />
              )}
            </h3>
            {!isEmptyText(event.theme) && (
              <p>
                <Localized text={event.theme} />
              </p>
            )}
            {first && (
              <p className="muted">
                {t('events.firstSession', {
                  date: format.date(first.startsAt, event.timeZone),
                  zone: event.timeZone,
                  count: event.sessions.length,
                })}
              </p>
            )}
            <p className="actions">
              {showRegister && (
                <Link to={`${path}/register`} className="button-link">
                  {t('events.register')}
                  <span className="visually-hidden"> {textIn(event.title)}</span>
                </Link>
              )}
              {showManage && (
                <Link to={`/console/events/${encodeURIComponent(event.id)}`}>
                  {t('events.manage')}
                  <span className="visually-hidden"> {textIn(event.title)}</span>
                </Link>
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
