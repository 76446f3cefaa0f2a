import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Loading';
import { createSeries, fetchSeries } from './api/events';
import { consoleKeys } from './api/keys';
import { formText } from '../ui/formText';

const FIELDS = ['title', 'description'] as const;

/** Series group recurring events (the seed's monthly round-table). */
export function SeriesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const series = useQuery({ queryKey: consoleKeys.series, queryFn: ({ signal }) => fetchSeries(signal) });
  const mutation = useMutation({
    mutationFn: createSeries,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.series }),
  });
  const fieldErrors = fieldErrorsOf(mutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = formText(form);
    mutation.mutate(
      { title: text('title'), description: text('description') },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <section aria-labelledby="series-heading">
      <h2 id="series-heading">{t('console.series')}</h2>
      {series.isPending && <Loading />}
      <ErrorAlert error={series.error} />
      {series.data && series.data.length === 0 && <p>{t('console.noSeries')}</p>}
      {series.data && series.data.length > 0 && (
        <ul>
          {series.data.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong>
              {item.description && <span className="muted"> — {item.description}</span>}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={handleSubmit} aria-labelledby="new-series-heading" className="inline-form">
        <h3 id="new-series-heading">{t('console.newSeries')}</h3>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Field label={t('console.seriesTitle')} name="title" error={fieldErrors['title']}>
          {(control) => <input {...control} required />}
        </Field>
        <Field label={t('console.description')} name="description" error={fieldErrors['description']}>
          {(control) => <textarea {...control} rows={2} />}
        </Field>
        <button type="submit" disabled={mutation.isPending}>
          {t('console.createSeries')}
        </button>
      </form>
    </section>
  );
}
