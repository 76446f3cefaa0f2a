import { useMutation } from '@tanstack/react-query';
import type { Delegation, MemberView } from '@roundtable/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceOption } from '../registration/places';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DelegationOptions, PlaceOptions } from './fields';
import { removeMember, upsertMember } from './api/people';

interface MemberRowProps {
  eventId: string;
  member: MemberView;
  delegations: readonly Delegation[];
  places: readonly PlaceOption[];
  onChanged: () => void;
}

/** One member: delegation and place editable in place, saved together. */
export function MemberRow({ eventId, member, delegations, places, onChanged }: MemberRowProps) {
  const { t } = useTranslation();
  const name = member.person.name;
  const [delegationId, setDelegationId] = useState(member.delegationId ?? '');
  const [place, setPlace] = useState(member.place ?? '');
  const save = useMutation({
    mutationFn: () =>
      upsertMember(eventId, member.personId, { delegationId: delegationId || null, place: place || null }),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: () => removeMember(eventId, member.personId),
    onSuccess: onChanged,
  });
  const changed = delegationId !== (member.delegationId ?? '') || place !== (member.place ?? '');

  function handleSave() {
    save.mutate();
  }

  function handleRemove() {
    remove.mutate();
  }

  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{member.person.organization}</td>
      <td>{member.person.email ?? '—'}</td>
      <td>
        <select
          aria-label={t('members.delegationOf', { name })}
          value={delegationId}
          onChange={(e) => setDelegationId(e.target.value)}
        >
          <DelegationOptions delegations={delegations} />
        </select>
      </td>
      <td>
        <select
          aria-label={t('members.placeOf', { name })}
          value={place}
          onChange={(e) => setPlace(e.target.value)}
        >
          <PlaceOptions places={places} />
        </select>
      </td>
      <td className="actions">
        <button type="button" onClick={handleSave} disabled={!changed || save.isPending}>
          {t('common.save')}
          <span className="visually-hidden"> {name}</span>
        </button>
        <ConfirmButton
          subject={name}
          confirmLabel={t('members.confirmRemove', { name })}
          onConfirm={handleRemove}
        >
          {t('common.remove')}
        </ConfirmButton>
        <ErrorAlert error={save.error ?? remove.error} />
      </td>
    </tr>
  );
}
