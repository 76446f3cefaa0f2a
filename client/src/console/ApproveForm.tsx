import { useMutation } from '@tanstack/react-query';
import {
  RoomRoleSchema,
  type ApproveRegistrationResult,
  type Delegation,
  type Registration,
  type RoomRole,
  type RoomView,
} from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { approveRegistration, declineRegistration } from './api/registrations';
import { DelegationOptions, ValidForDaysField } from './fields';
import { useTextIn } from '../i18n/Localized';

interface ApproveFormProps {
  registration: Registration;
  delegations: readonly Delegation[];
  rooms: readonly RoomView[];
  onApproved: (result: ApproveRegistrationResult) => void;
  onDeclined: () => void;
}

const FIELDS = ['delegationId', 'validForDays'] as const;

/** Approves one pending registration into a delegation with room roles, or declines it. */
export function ApproveForm({ registration, delegations, rooms, onApproved, onDeclined }: ApproveFormProps) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const [delegationId, setDelegationId] = useState('');
  const [roles, setRoles] = useState<Record<string, RoomRole | ''>>({});
  const [validForDays, setValidForDays] = useState(30);
  const approve = useMutation({
    mutationFn: () =>
      approveRegistration(registration.id, {
        delegationId: delegationId || null,
        roles: Object.entries(roles).flatMap(([roomId, role]) => (role ? [{ roomId, role }] : [])),
        validForDays,
      }),
    onSuccess: onApproved,
  });
  const decline = useMutation({
    mutationFn: () => declineRegistration(registration.id),
    onSuccess: onDeclined,
  });
  const busy = approve.isPending || decline.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    approve.mutate();
  }

  function handleDecline() {
    decline.mutate();
  }

  return (
    <form onSubmit={handleSubmit} aria-label={t('registrations.approveFor', { name: registration.name })}>
      <ErrorAlert error={approve.error ?? decline.error} fields={FIELDS} />
      <Field label={t('registrations.delegation')} name="delegationId">
        {(control) => (
          <select {...control} value={delegationId} onChange={(e) => setDelegationId(e.target.value)}>
            <DelegationOptions delegations={delegations} />
          </select>
        )}
      </Field>
      {rooms.length > 0 && (
        <fieldset>
          <legend>{t('registrations.roomRoles')}</legend>
          {rooms.map((room) => (
            <Field key={room.id} label={textIn(room.name)} name={`role-${room.id}`}>
              {(control) => (
                <select
                  {...control}
                  value={roles[room.id] ?? ''}
                  onChange={(e) => {
                    const parsed = RoomRoleSchema.safeParse(e.target.value);
                    setRoles((current) => ({ ...current, [room.id]: parsed.success ? parsed.data : '' }));
                  }}
                >
                  <option value="">{t('registrations.noRole')}</option>
                  {RoomRoleSchema.options.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </fieldset>
      )}
      <ValidForDaysField value={validForDays} onChange={setValidForDays} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('registrations.approve')}
          <span className="visually-hidden"> {registration.name}</span>
        </button>
        <button type="button" onClick={handleDecline} disabled={busy}>
          {t('registrations.decline')}
          <span className="visually-hidden"> {registration.name}</span>
        </button>
      </div>
    </form>
  );
}
