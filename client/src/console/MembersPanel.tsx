import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePlaceOptions } from '../registration/places';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { AddMemberForm } from './AddMemberForm';
import { consoleKeys } from './api/keys';
import { useDelegations, useMembers } from './api/queries';
import { useConsoleEvent } from './ConsoleEventLayout';
import { MemberRow } from './MemberRow';
import { CsvLink } from './mail/CsvLink';

/** The people taking part in an event: their delegation and where they attend from. */
export function MembersPanel() {
  const { t } = useTranslation();
  const event = useConsoleEvent();
  const queryClient = useQueryClient();
  const places = usePlaceOptions(event.venues);
  const members = useMembers(event.id);
  const delegations = useDelegations(event.id);

  function handleChanged() {
    void queryClient.invalidateQueries({ queryKey: consoleKeys.event(event.id) });
  }

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('console.tabs.members')}</h2>
      <CsvLink eventId={event.id} what="members" />
      {members.isPending && <Loading />}
      <ErrorAlert error={members.error ?? delegations.error} />
      {members.data?.length === 0 && <p>{t('members.none')}</p>}
      {members.data && members.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('register.name')}</th>
              <th scope="col">{t('register.organization')}</th>
              <th scope="col">{t('register.email')}</th>
              <th scope="col">{t('registrations.delegation')}</th>
              <th scope="col">{t('members.place')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <MemberRow
                key={member.personId}
                eventId={event.id}
                member={member}
                delegations={delegations.data ?? []}
                places={places}
                onChanged={handleChanged}
              />
            ))}
          </tbody>
        </table>
      )}
      <AddMemberForm
        eventId={event.id}
        memberIds={new Set(members.data?.map((member) => member.personId))}
        delegations={delegations.data ?? []}
        places={places}
        onAdded={handleChanged}
      />
    </section>
  );
}
