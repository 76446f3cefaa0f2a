import { EMPTY_TEXT } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { BilingualField } from './BilingualField';
import { Field } from '../ui/Field';
import { newDraftId, type SessionDraft } from './eventDraft';

interface SessionsEditorProps {
  sessions: SessionDraft[];
  timeZone: string;
  fieldErrors: Record<string, string>;
  onChange: (sessions: SessionDraft[]) => void;
}

/** The dated sittings of an event, typed as wall time in the event's zone. */
export function SessionsEditor({ sessions, timeZone, fieldErrors, onChange }: SessionsEditorProps) {
  const { t } = useTranslation();

  function handleEdit(index: number, patch: Partial<SessionDraft>) {
    onChange(sessions.map((session, i) => (i === index ? { ...session, ...patch } : session)));
  }

  function handleAdd() {
    onChange([...sessions, { id: newDraftId('session'), label: EMPTY_TEXT, startsAt: '', endsAt: '' }]);
  }

  function handleRemove(index: number) {
    onChange(sessions.filter((_, i) => i !== index));
  }

  return (
    <fieldset>
      <legend>{t('eventForm.sessions')}</legend>
      <p className="field-hint">{t('eventForm.sessionsHint', { zone: timeZone })}</p>
      {sessions.map((session, index) => {
        const number = index + 1;
        const error = (field: string) => fieldErrors[`sessions.${index}.${field}`];
        return (
          <fieldset key={session.id} className="row-group">
            <legend>{t('eventForm.sessionNumber', { number })}</legend>
            <BilingualField
              label={t('eventForm.sessionLabel')}
              name={`sessions.${index}.label`}
              fieldErrors={fieldErrors}
              value={session.label}
              onChange={(label) => handleEdit(index, { label })}
            />
            <Field label={t('eventForm.startsAt')} name={`session-${number}-start`} error={error('startsAt')}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  required
                  value={session.startsAt}
                  onChange={(event) => handleEdit(index, { startsAt: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('eventForm.endsAt')} name={`session-${number}-end`} error={error('endsAt')}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  required
                  min={session.startsAt || undefined}
                  value={session.endsAt}
                  onChange={(event) => handleEdit(index, { endsAt: event.target.value })}
                />
              )}
            </Field>
            <button type="button" onClick={() => handleRemove(index)}>
              {t('eventForm.removeSession', { number })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={handleAdd}>
        {t('eventForm.addSession')}
      </button>
    </fieldset>
  );
}
