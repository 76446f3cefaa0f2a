import { SpeakingEvents, SpeechKindSchema, type PresenceEntry, type SpeechKind } from '@roundtable/shared';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import { fetchMembers, roomKeys } from '../api';

interface AddOnBehalfFormProps {
  roomId: string;
  eventId: string;
  present: readonly PresenceEntry[];
  /** Organizers may also pick members who are not in the room (the member list is theirs to read). */
  includeMembers: boolean;
}

interface Candidate {
  personId: string;
  name: string;
}

/** Puts someone on the list for them: a person present, or (organizers) any member of the event. */
export function AddOnBehalfForm({ roomId, eventId, present, includeMembers }: AddOnBehalfFormProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId();
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<SpeechKind>('normal');
  const members = useQuery({
    queryKey: roomKeys.members(eventId),
    queryFn: ({ signal }) => fetchMembers(eventId, signal),
    enabled: includeMembers,
  });

  const here: Candidate[] = present
    .filter((entry) => entry.role !== 'observer')
    .map((entry) => ({ personId: entry.personId, name: entry.name }));
  const hereIds = new Set(here.map((c) => c.personId));
  const absent: Candidate[] = (members.data ?? [])
    .filter((member) => !hereIds.has(member.personId))
    .map((member) => ({ personId: member.personId, name: member.person.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!personId) return;
    const done = await command.run(SpeakingEvents.Add, { roomId, personId, kind });
    if (done) setPersonId('');
  }

  return (
    <form
      className="inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h4 id={`${id}-heading`}>{t('speaking.addOnBehalf')}</h4>
      <div className="field">
        <label htmlFor={`${id}-person`}>{t('speaking.person')}</label>
        <select
          id={`${id}-person`}
          value={personId}
          onChange={(event) => setPersonId(event.target.value)}
          required
        >
          <option value="">{t('speaking.choosePerson')}</option>
          <optgroup label={t('speaking.presentPeople')}>
            {here.map((c) => (
              <option key={c.personId} value={c.personId}>
                {c.name}
              </option>
            ))}
          </optgroup>
          {absent.length > 0 && (
            <optgroup label={t('speaking.otherMembers')}>
              {absent.map((c) => (
                <option key={c.personId} value={c.personId}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('speaking.requestKind')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => setKind(SpeechKindSchema.parse(event.target.value))}
        >
          <option value="normal">{t('speaking.kinds.normal')}</option>
          <option value="point_of_order">{t('speaking.kinds.point_of_order')}</option>
          <option value="direct_reply">{t('speaking.kinds.direct_reply')}</option>
        </select>
      </div>
      <button type="submit" disabled={!personId || command.pending}>
        {t('speaking.addToList')}
      </button>
      <ActionError error={command.error} />
    </form>
  );
}
