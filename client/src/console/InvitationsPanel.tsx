import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation, IssuedInvitation } from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { consoleKeys } from './api/keys';
import { useMembers } from './api/queries';
import { fetchInvitations, issueInvitation, revokeInvitation } from './api/registrations';
import { useConsoleEvent } from './ConsoleEventLayout';
import { MemberField, ValidForDaysField } from './fields';
import { IssuedInvitationNotice } from './IssuedInvitationNotice';

type InvitationState = 'active' | 'revoked' | 'expired';

function stateOf(invitation: Invitation, now: number): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  return Date.parse(invitation.expiresAt) <= now ? 'expired' : 'active';
}

/** Invitation links of an event: who has one, until when, and issuing or revoking them. */
export function InvitationsPanel() {
  const { t } = useTranslation();
  const event = useConsoleEvent();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState('');
  const [validForDays, setValidForDays] = useState(30);
  const [issued, setIssued] = useState<{ invitation: IssuedInvitation; name: string } | null>(null);
  const invitations = useQuery({
    queryKey: consoleKeys.invitations(event.id),
    queryFn: ({ signal }) => fetchInvitations(event.id, signal),
  });
  const members = useMembers(event.id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: consoleKeys.invitations(event.id) });
  const nameOf = (id: string) => members.data?.find((member) => member.personId === id)?.person.name ?? id;
  const issue = useMutation({
    mutationFn: () => issueInvitation(personId, event.id, validForDays),
    onSuccess: async (invitation) => {
      setIssued({ invitation, name: nameOf(invitation.personId) });
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: revokeInvitation, onSuccess: refresh });
  // States are judged as of the last fetch, which keeps rendering pure.
  const now = invitations.dataUpdatedAt;

  function handleIssue(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    issue.mutate();
  }

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('console.tabs.invitations')}</h2>
      {issued && <IssuedInvitationNotice invitation={issued.invitation} personName={issued.name} />}
      {invitations.isPending && <Loading />}
      <ErrorAlert error={invitations.error ?? members.error ?? revoke.error} />
      {invitations.data?.length === 0 && <p>{t('invitations.none')}</p>}
      {invitations.data && invitations.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('register.name')}</th>
              <th scope="col">{t('invitations.created')}</th>
              <th scope="col">{t('invitations.expires')}</th>
              <th scope="col">{t('invitations.lastUsed')}</th>
              <th scope="col">{t('invitations.state')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => {
              const name = nameOf(invitation.personId);
              const state = stateOf(invitation, now);
              return (
                <tr key={invitation.id}>
                  <th scope="row">{name}</th>
                  <td>{format.dateTime(invitation.createdAt)}</td>
                  <td>{format.dateTime(invitation.expiresAt)}</td>
                  <td>{invitation.lastUsedAt ? format.dateTime(invitation.lastUsedAt) : '—'}</td>
                  <td>{t(`invitations.states.${state}`)}</td>
                  <td>
                    {state === 'active' && (
                      <ConfirmButton
                        subject={name}
                        confirmLabel={t('invitations.confirmRevoke', { name })}
                        onConfirm={() => revoke.mutate(invitation.id)}
                      >
                        {t('invitations.revoke')}
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form onSubmit={handleIssue} aria-labelledby="issue-heading" className="inline-form">
        <h3 id="issue-heading">{t('invitations.issue')}</h3>
        <ErrorAlert error={issue.error} />
        <MemberField
          members={members.data ?? []}
          value={personId}
          onChange={setPersonId}
          hint={t('invitations.membersOnly')}
        />
        <ValidForDaysField value={validForDays} onChange={setValidForDays} />
        <button type="submit" disabled={issue.isPending || !personId}>
          {t('invitations.issue')}
        </button>
      </form>
    </section>
  );
}
