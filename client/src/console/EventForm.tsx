import { useQuery } from '@tanstack/react-query';
import { ReportVisibilitySchema, type CreateEventBody } from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { CheckboxField, Field } from '../ui/Field';
import { fetchSeries } from './api/events';
import { consoleKeys } from './api/keys';
import { useTextIn } from '../i18n/Localized';
import { BilingualField } from './BilingualField';
import { bodyFromDraft, type EventDraft } from './eventDraft';
import { SessionsEditor } from './SessionsEditor';
import { TimeZoneSelect } from './TimeZoneSelect';
import { VenuesEditor } from './VenuesEditor';

const FIELDS = ['title', 'theme', 'description', 'timeZone', 'seriesId', 'reportVisibility'] as const;

interface EventFormProps {
  initial: EventDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateEventBody) => void;
}

/** Creates or edits an event: what it is, when (in its own zone), where, and who may register. */
export function EventForm({ initial, submitLabel, pending, error, onSubmit }: EventFormProps) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const [draft, setDraft] = useState(initial);
  const series = useQuery({ queryKey: consoleKeys.series, queryFn: ({ signal }) => fetchSeries(signal) });
  const fieldErrors = fieldErrorsOf(error);
  // Nested problems (sessions.0.startsAt, venues.1.name) are shown beside their own inputs.
  const placed = [
    ...FIELDS,
    ...Object.keys(fieldErrors).filter((path) =>
      /^((sessions|venues)\.\d+\.)?(label|startsAt|endsAt|name|title|theme|description)(\.(en|ja))?$/.test(
        path,
      ),
    ),
  ];

  function update(patch: Partial<EventDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(bodyFromDraft(draft));
  }

  return (
    <form onSubmit={handleSubmit} className="event-form">
      <ErrorAlert error={error} fields={placed} />
      <p className="field-hint">{t('content.bothHint')}</p>
      <BilingualField
        label={t('eventForm.title')}
        name="title"
        required
        fieldErrors={fieldErrors}
        value={draft.title}
        onChange={(title) => update({ title })}
      />
      <BilingualField
        label={t('eventForm.theme')}
        name="theme"
        fieldErrors={fieldErrors}
        value={draft.theme}
        onChange={(theme) => update({ theme })}
      />
      <BilingualField
        label={t('eventForm.description')}
        name="description"
        multiline
        fieldErrors={fieldErrors}
        value={draft.description}
        onChange={(description) => update({ description })}
      />
      <Field label={t('eventForm.series')} name="seriesId" error={fieldErrors['seriesId']}>
        {(control) => (
          <select {...control} value={draft.seriesId} onChange={(e) => update({ seriesId: e.target.value })}>
            <option value="">{t('eventForm.noSeries')}</option>
            {series.data?.map((item) => (
              <option key={item.id} value={item.id}>
                {textIn(item.title)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('eventForm.timeZone')}
        name="timeZone"
        error={fieldErrors['timeZone']}
        hint={t('eventForm.timeZoneHint')}
      >
        {(control) => (
          <TimeZoneSelect {...control} value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} />
        )}
      </Field>
      <SessionsEditor
        sessions={draft.sessions}
        timeZone={draft.timeZone}
        fieldErrors={fieldErrors}
        onChange={(sessions) => update({ sessions })}
      />
      <VenuesEditor
        venues={draft.venues}
        fieldErrors={fieldErrors}
        onChange={(venues) => update({ venues })}
      />
      <CheckboxField
        label={t('eventForm.registrationOpen')}
        name="registrationOpen"
        checked={draft.registrationOpen}
        onChange={(registrationOpen) => update({ registrationOpen })}
        hint={t('eventForm.registrationOpenHint')}
      />
      <Field
        label={t('eventForm.reportVisibility')}
        name="reportVisibility"
        error={fieldErrors['reportVisibility']}
      >
        {(control) => (
          <select
            {...control}
            value={draft.reportVisibility}
            onChange={(e) => update({ reportVisibility: ReportVisibilitySchema.parse(e.target.value) })}
          >
            {ReportVisibilitySchema.options.map((visibility) => (
              <option key={visibility} value={visibility}>
                {t(`reportVisibility.${visibility}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
