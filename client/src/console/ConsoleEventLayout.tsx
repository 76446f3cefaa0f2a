import { useQuery } from '@tanstack/react-query';
import type { EventDetail } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { eventKeys, fetchEventDetail } from '../events/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { Localized, useTextIn } from '../i18n/Localized';

const TABS = [
  { path: '', key: 'details' },
  { path: 'rooms', key: 'rooms' },
  { path: 'delegations', key: 'delegations' },
  { path: 'registrations', key: 'registrations' },
  { path: 'members', key: 'members' },
  { path: 'roles', key: 'roles' },
  { path: 'invitations', key: 'invitations' },
  { path: 'mail', key: 'mail' },
] as const;

/** One event in the console: its title, a navigation between its parts, and the part shown. */
export function ConsoleEventLayout() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const eventId = useParams()['eventId'] ?? '';
  const event = useQuery({
    queryKey: eventKeys.detail(eventId),
    queryFn: ({ signal }) => fetchEventDetail(eventId, signal),
  });

  if (event.isPending) return <Loading />;
  if (event.isError) return <ErrorAlert error={event.error} />;

  const base = `/console/events/${encodeURIComponent(eventId)}`;
  return (
    <>
      <PageTitle>{`${textIn(event.data.title)} · ${t('console.title')}`}</PageTitle>
      <p>
        <Link to="/console">{t('console.backToConsole')}</Link>
        {' · '}
        <Link to={`/events/${encodeURIComponent(eventId)}`}>{t('console.viewEventPage')}</Link>
      </p>
      <h1>
        <Localized text={event.data.title} />
      </h1>
      <nav aria-label={t('console.eventSections')} className="tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink to={tab.path ? `${base}/${tab.path}` : base} end>
                {t(`console.tabs.${tab.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={event.data satisfies EventDetail} />
    </>
  );
}

/** The event whose console section is shown (organizers see every room of it). */
export function useConsoleEvent(): EventDetail {
  return useOutletContext<EventDetail>();
}
