import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Delegation } from '@roundtable/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceOption } from '../registration/places';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DelegationOptions, PlaceOptions } from './fields';
import { fieldErrorsOf } from '../ui/errors';
import { Field } from '../ui/Field';
import { consoleKeys } from './api/keys';
import { createPerson, fetchPeople, upsertMember } from './api/people';
import { formText } from '../ui/formText';

interface AddMemberFormProps {
  eventId: string;
  memberIds: ReadonlySet<string>;
  delegations: readonly Delegation[];
  places: readonly PlaceOption[];
  onAdded: () => void;
}

const NEW_PERSON = '__new__';
const FIELDS = ['name', 'email', 'organization', 'phone'] as const;

interface AddMemberInput {
  personId: string;
  person: { name: string; email: string | null; organization: string; phone: string | null };
  delegationId: string | null;
  place: string | null;
}

/** Adds someone known (or a new person, e.g. an invited lecturer) to the event. */
export function AddMemberForm({ eventId, memberIds, delegations, places, onAdded }: AddMemberFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState(NEW_PERSON);
  const people = useQuery({ queryKey: consoleKeys.people, queryFn: ({ signal }) => fetchPeople(signal) });
  const mutation = useMutation({
    mutationFn: async (input: AddMemberInput) => {
      const id = input.personId === NEW_PERSON ? (await createPerson(input.person)).id : input.personId;
      await upsertMember(eventId, id, { delegationId: input.delegationId, place: input.place });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consoleKeys.people });
      onAdded();
    },
  });
  const fieldErrors = fieldErrorsOf(mutation.error);
  const candidates = people.data?.filter((person) => !memberIds.has(person.id)) ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const read = formText(form);
    const text = (name: string) => read(name).trim();
    mutation.mutate(
      {
        personId,
        person: {
          name: text('name'),
          email: text('email') || null,
          organization: text('organization'),
          phone: text('phone') || null,
        },
        delegationId: text('delegationId') || null,
        place: text('place') || null,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form onSubmit={handleSubmit} aria-labelledby={headingId} className="inline-form">
      <h3 id={headingId}>{t('members.add')}</h3>
      <ErrorAlert error={people.error ?? mutation.error} fields={FIELDS} />
      <Field label={t('members.person')} name="personId">
        {(control) => (
          <select {...control} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value={NEW_PERSON}>{t('members.newPerson')}</option>
            {candidates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.email ? `${person.name} <${person.email}>` : person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {personId === NEW_PERSON && (
        <>
          <Field label={t('register.name')} name="name" error={fieldErrors['name']}>
            {(control) => <input {...control} required />}
          </Field>
          <Field label={t('register.email')} name="email" error={fieldErrors['email']}>
            {(control) => <input {...control} type="email" />}
          </Field>
          <Field label={t('register.organization')} name="organization" error={fieldErrors['organization']}>
            {(control) => <input {...control} />}
          </Field>
          <Field label={t('register.phone')} name="phone" error={fieldErrors['phone']}>
            {(control) => <input {...control} type="tel" />}
          </Field>
        </>
      )}
      <Field label={t('registrations.delegation')} name="delegationId">
        {(control) => (
          <select {...control} defaultValue="">
            <DelegationOptions delegations={delegations} />
          </select>
        )}
      </Field>
      <Field label={t('members.place')} name="place">
        {(control) => (
          <select {...control} defaultValue="">
            <PlaceOptions places={places} />
          </select>
        )}
      </Field>
      <button type="submit" disabled={mutation.isPending}>
        {t('members.add')}
      </button>
    </form>
  );
}
