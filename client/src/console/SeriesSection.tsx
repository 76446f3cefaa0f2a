import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { Loading } from '../ui/Loading';
import { createSeries, fetchSeries } from './api/events';
import { consoleKeys } from './api/keys';
import { formText } from '../ui/formText';
import { EMPTY_TEXT, isEmptyText } from '@roundtable/shared';
import { Localized } from '../i18n/Localized';
import { BilingualField } from './BilingualField';

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
      {
        title: { en: text('title.en'), ja: text('title.ja') },
        description: { en: text('description.en'), ja: text('description.ja') },
      },
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
              <strong>
                <Localized text={item.title} />
              </strong>
              {!isEmptyText(item.description) && (
                <span className="muted">
                  {' — '}
                  <Localized text={item.description} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={handleSubmit} aria-labelledby="new-series-heading" className="inline-form">
        <h3 id="new-series-heading">{t('console.newSeries')}</h3>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <BilingualField
          label={t('console.seriesTitle')}
          name="title"
          fieldErrors={fieldErrors}
          defaultValue={EMPTY_TEXT}
        />
        <BilingualField
          label={t('console.description')}
          name="description"
          multiline
          fieldErrors={fieldErrors}
          defaultValue={EMPTY_TEXT}
        />
        <button type="submit" disabled={mutation.isPending}>
          {t('console.createSeries')}
        </button>
      </form>
    </section>
  );
}
