import type { AttendanceEntry } from '@roundtable/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchMembers, roomKeys } from '../room/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fetchAttendance, reportKeys, setAttendance } from './api';
import { useTextIn } from '../i18n/Localized';

/** Adds a member of the event who is not listed yet (followed by phone, joined another way). */
function AddAttendee({
  eventId,
  listed,
  onAdd,
  disabled,
}: {
  eventId: string;
  listed: readonly AttendanceEntry[];
  onAdd: (personId: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const [personId, setPersonId] = useState('');
  const members = useQuery({
    queryKey: roomKeys.members(eventId),
    queryFn: ({ signal }) => fetchMembers(eventId, signal),
  });
  const known = new Set(listed.map((entry) => entry.personId));
  const candidates = (members.data ?? []).filter((member) => !known.has(member.personId));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!personId) return;
    onAdd(personId);
    setPersonId('');
  }

  if (candidates.length === 0) return null;
  return (
    <form className="inline-form" onSubmit={handleSubmit}>
      <label htmlFor={`add-attendee-${eventId}`}>{t('minutesWorkflow.attendance.addLabel')}</label>
      <select id={`add-attendee-${eventId}`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
        <option value="">—</option>
        {candidates.map((member) => (
          <option key={member.personId} value={member.personId}>
            {member.person.name}
            {member.delegation ? ` (${textIn(member.delegation.name)})` : ''}
          </option>
        ))}
      </select>
      <button type="submit" disabled={disabled || !personId}>
        {t('minutesWorkflow.attendance.add')}
      </button>
    </form>
  );
}

/** Organizers correct who attended (derived from presence) before the minutes are published. */
export function AttendanceEditor({ roomId, eventId }: { roomId: string; eventId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const attendance = useQuery({
    queryKey: reportKeys.attendance(roomId),
    queryFn: ({ signal }) => fetchAttendance(roomId, signal),
  });
  const change = useMutation({
    mutationFn: ({ personId, included }: { personId: string; included: boolean | null }) =>
      setAttendance(roomId, personId, included),
    onSuccess: (view) => queryClient.setQueryData(reportKeys.attendance(roomId), view),
  });

  if (!attendance.data) return <ErrorAlert error={attendance.error} />;
  const { entries, locked } = attendance.data;
  return (
    <div className="attendance-editor">
      <ErrorAlert error={change.error} />
      {entries.length === 0 && <p className="muted">{t('minutesWorkflow.attendance.none')}</p>}
      <ul>
        {entries.map((entry) => {
          const source = entry.override === null ? 'derived' : entry.override ? 'added' : 'removed';
          return (
            <li key={entry.personId}>
              <label className="field-checkbox">
                <input
                  type="checkbox"
                  checked={entry.included}
                  disabled={locked || change.isPending}
                  onChange={(e) => change.mutate({ personId: entry.personId, included: e.target.checked })}
                />
                {entry.name}
                {entry.delegation && <span className="muted"> · {entry.delegation}</span>}
                {entry.organization && <span className="muted"> · {entry.organization}</span>}
              </label>{' '}
              <span className="muted">
                {t(`minutesWorkflow.attendance.source.${source}`, {
                  minutes: Math.round(entry.seconds / 60),
                })}
              </span>
              {entry.override !== null && !locked && (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => change.mutate({ personId: entry.personId, included: null })}
                >
                  {t('minutesWorkflow.attendance.reset')}
                  <span className="visually-hidden"> {entry.name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!locked && (
        <AddAttendee
          eventId={eventId}
          listed={entries}
          disabled={change.isPending}
          onAdd={(personId) => change.mutate({ personId, included: true })}
        />
      )}
    </div>
  );
}
