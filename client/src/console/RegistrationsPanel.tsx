import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApproveRegistrationResult, Registration } from '@roundtable/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { usePlaceName } from '../registration/places';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { consoleKeys } from './api/keys';
import { useDelegations } from './api/queries';
import { fetchRegistrations } from './api/registrations';
import { ApproveForm } from './ApproveForm';
import { useConsoleEvent } from './ConsoleEventLayout';
import { IssuedInvitationNotice } from './IssuedInvitationNotice';
import { CsvLink } from './mail/CsvLink';

/** Registrations: pending ones first, each to approve (with a delegation and roles) or decline. */
export function RegistrationsPanel() {
  const { t } = useTranslation();
  const event = useConsoleEvent();
  const format = useFormat();
  const placeName = usePlaceName(event.venues);
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<ApproveRegistrationResult | null>(null);
  const registrations = useQuery({
    queryKey: consoleKeys.registrations(event.id),
    queryFn: ({ signal }) => fetchRegistrations(event.id, signal),
  });
  const delegations = useDelegations(event.id);
  // Approval adds a member, roles and an invitation: every panel of the event is stale.
  const refresh = () => queryClient.invalidateQueries({ queryKey: consoleKeys.event(event.id) });

  function handleApproved(result: ApproveRegistrationResult) {
    setIssued(result);
    void refresh();
  }

  function handleDeclined() {
    setIssued(null);
    void refresh();
  }

  const pending = sortBy(registrations.data?.filter((r) => r.status === 'pending') ?? [], (r) => r.createdAt);
  const decided = sortBy(
    registrations.data?.filter((r) => r.status !== 'pending') ?? [],
    (r) => r.decidedAt ?? r.createdAt,
  ).reverse();

  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">{t('console.tabs.registrations')}</h2>
      <CsvLink eventId={event.id} what="registrations" />
      {issued && (
        <IssuedInvitationNotice invitation={issued.invitation} personName={issued.registration.name} />
      )}
      {registrations.isPending && <Loading />}
      <ErrorAlert error={registrations.error ?? delegations.error} />

      <h3>{t('registrations.pending', { count: pending.length })}</h3>
      {registrations.data && pending.length === 0 && <p>{t('registrations.nonePending')}</p>}
      <ul className="card-list">
        {pending.map((registration) => (
          <li key={registration.id} className="card">
            <article aria-labelledby={`registration-${registration.id}`}>
              <h4 id={`registration-${registration.id}`}>{registration.name}</h4>
              <dl className="facts">
                <dt>{t('register.organization')}</dt>
                <dd>{registration.organization}</dd>
                <dt>{t('register.email')}</dt>
                <dd>{registration.email}</dd>
                <dt>{t('register.phone')}</dt>
                <dd>{registration.phone}</dd>
                <dt>{t('members.place')}</dt>
                <dd>{placeName(registration.place)}</dd>
                <dt>{t('registrations.registeredAt')}</dt>
                <dd>{format.dateTime(registration.createdAt)}</dd>
              </dl>
              <ApproveForm
                registration={registration}
                delegations={delegations.data ?? []}
                rooms={event.rooms}
                onApproved={handleApproved}
                onDeclined={handleDeclined}
              />
            </article>
          </li>
        ))}
      </ul>

      {decided.length > 0 && <DecidedTable registrations={decided} placeName={placeName} />}
    </section>
  );
}

function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}

interface DecidedTableProps {
  registrations: readonly Registration[];
  placeName: (place: string | null) => string;
}

function DecidedTable({ registrations, placeName }: DecidedTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table>
      <caption>{t('registrations.decided')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('register.name')}</th>
          <th scope="col">{t('register.organization')}</th>
          <th scope="col">{t('register.email')}</th>
          <th scope="col">{t('members.place')}</th>
          <th scope="col">{t('registrations.status')}</th>
          <th scope="col">{t('registrations.decidedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {registrations.map((registration) => (
          <tr key={registration.id}>
            <th scope="row">{registration.name}</th>
            <td>{registration.organization}</td>
            <td>{registration.email}</td>
            <td>{placeName(registration.place)}</td>
            <td>{t(`registrationStatus.${registration.status}`)}</td>
            <td>{registration.decidedAt ? format.dateTime(registration.decidedAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
