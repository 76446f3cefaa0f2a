import type { Delegation, MemberView } from '@roundtable/shared';
import type { PlaceOption } from '../registration/places';
import { ConfirmButton } from '../ui/ConfirmButton';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { useTextIn } from '../i18n/Localized';

/** The options of a delegation picker, "No delegation" first. */
export function DelegationOptions({ delegations }: { delegations: readonly Delegation[] }) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  return (
    <>
      <option value="">{t('registrations.noDelegation')}</option>
      {delegations.map((delegation) => (
        <option key={delegation.id} value={delegation.id}>
          {textIn(delegation.name)}
        </option>
      ))}
    </>
  );
}

interface MemberFieldProps {
  members: readonly MemberView[];
  value: string;
  onChange: (personId: string) => void;
  hint: string;
}

/** Picks one member of the event (roles and invitations are for members only). */
export function MemberField({ members, value, onChange, hint }: MemberFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('members.person')} name="personId" hint={hint}>
      {(control) => (
        <select {...control} required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {members.map((member) => (
            <option key={member.personId} value={member.personId}>
              {member.person.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface ValidForDaysFieldProps {
  value: number;
  onChange: (days: number) => void;
}

/** How many days a new invitation link stays valid (the schema allows 1–365). */
export function ValidForDaysField({ value, onChange }: ValidForDaysFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('invitations.validForDays')} name="validForDays">
      {(control) => (
        <input
          {...control}
          type="number"
          min={1}
          max={365}
          required
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
        />
      )}
    </Field>
  );
}

/** The options of a place picker: none yet, then the event's venues (and "Online"). */
export function PlaceOptions({ places }: { places: readonly PlaceOption[] }) {
  return (
    <>
      <option value="">—</option>
      {places.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </>
  );
}

interface EditDeleteCellProps {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** The actions cell of a console table row: edit it, or delete it after confirming. */
export function EditDeleteCell({ name, onEdit, onDelete }: EditDeleteCellProps) {
  const { t } = useTranslation();
  return (
    <td className="actions">
      <button type="button" onClick={onEdit} aria-label={t('console.editNamed', { name })}>
        {t('common.edit')}
      </button>
      <ConfirmButton subject={name} confirmLabel={t('console.confirmDelete', { name })} onConfirm={onDelete}>
        {t('common.delete')}
      </ConfirmButton>
    </td>
  );
}
