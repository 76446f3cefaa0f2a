import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistrationStatusView } from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../i18n/format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { fieldErrorsOf } from '../ui/errors';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { formText } from '../ui/formText';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { usePlaceName, usePlaceOptions } from './places';
import { correctRegistration, fetchRegistrationStatus, withdrawRegistration } from './statusApi';
import { useTextIn } from '../i18n/Localized';

const FIELDS = ['name', 'organization', 'phone', 'place'] as const;

/**
 * The registrant's personal status page, reached from the link in their receipt and confirmation
 * mail: where the registration stands, and while pending, corrections or withdrawal. No account.
 */
export default function StatusPage() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const token = useSearchParams()[0].get('token') ?? '';
  const queryClient = useQueryClient();
  const [withdrawn, setWithdrawn] = useState(false);
  const key = ['registration-status', token];
  const status = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchRegistrationStatus(token, signal),
    enabled: token !== '' && !withdrawn,
    retry: false,
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawRegistration(token),
    onSuccess: () => setWithdrawn(true),
  });

  if (withdrawn) {
    return (
      <article className="narrow">
        <PageTitle>{t('myRegistration.title')}</PageTitle>
        <h1>{t('myRegistration.title')}</h1>
        <p role="status" className="alert alert-success">
          {t('myRegistration.withdrawn')}
        </p>
      </article>
    );
  }
  if (!token) return <ErrorAlert error={new Error(t('myRegistration.noToken'))} />;
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} />;

  const view = status.data;
  return (
    <article className="narrow" aria-labelledby="status-heading">
      <PageTitle>{t('myRegistration.title')}</PageTitle>
      <h1 id="status-heading">{t('myRegistration.heading', { title: textIn(view.eventTitle) })}</h1>
      <p role="status" className={view.status === 'approved' ? 'alert alert-success' : 'alert'}>
        <strong>{t(`myRegistration.status.${view.status}`)}</strong>{' '}
        {t(`myRegistration.explain.${view.status}`)}
      </p>
      <Details view={view} />
      {view.status === 'pending' && (
        <>
          <CorrectionForm token={token} view={view} onSaved={(next) => queryClient.setQueryData(key, next)} />
          <h2>{t('myRegistration.withdrawHeading')}</h2>
          <ErrorAlert error={withdraw.error} />
          <ConfirmButton
            confirmLabel={t('myRegistration.confirmWithdraw')}
            onConfirm={() => withdraw.mutate()}
            disabled={withdraw.isPending}
          >
            {t('myRegistration.withdraw')}
          </ConfirmButton>
        </>
      )}
    </article>
  );
}

function Details({ view }: { view: RegistrationStatusView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const placeName = usePlaceName(view.venues);
  return (
    <dl className="details">
      <dt>{t('register.name')}</dt>
      <dd>{view.name}</dd>
      <dt>{t('register.organization')}</dt>
      <dd>{view.organization}</dd>
      <dt>{t('register.email')}</dt>
      <dd>{view.email}</dd>
      <dt>{t('register.phone')}</dt>
      <dd>{view.phone}</dd>
      <dt>{t('register.place')}</dt>
      <dd>{placeName(view.place)}</dd>
      <dt>{t('myRegistration.registeredAt')}</dt>
      <dd>{format.dateTime(view.createdAt)}</dd>
    </dl>
  );
}

interface CorrectionFormProps {
  token: string;
  view: RegistrationStatusView;
  onSaved: (view: RegistrationStatusView) => void;
}

function CorrectionForm({ token, view, onSaved }: CorrectionFormProps) {
  const { t } = useTranslation();
  const places = usePlaceOptions(view.venues);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof correctRegistration>[1]) => correctRegistration(token, body),
    onSuccess: onSaved,
  });
  const fieldErrors = fieldErrorsOf(save.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = formText(event.currentTarget);
    save.mutate({
      name: text('name'),
      organization: text('organization'),
      phone: text('phone'),
      place: text('place'),
    });
  }

  return (
    <form onSubmit={handleSubmit} aria-labelledby="correct-heading">
      <h2 id="correct-heading">{t('myRegistration.correctHeading')}</h2>
      <ErrorAlert error={save.error} fields={FIELDS} />
      {save.isSuccess && (
        <p role="status" className="alert alert-success">
          {t('myRegistration.saved')}
        </p>
      )}
      <Field label={t('register.name')} name="name" error={fieldErrors['name']}>
        {(control) => <input {...control} defaultValue={view.name} autoComplete="name" required />}
      </Field>
      <Field label={t('register.organization')} name="organization" error={fieldErrors['organization']}>
        {(control) => (
          <input {...control} defaultValue={view.organization} autoComplete="organization" required />
        )}
      </Field>
      <Field label={t('register.phone')} name="phone" error={fieldErrors['phone']}>
        {(control) => <input {...control} defaultValue={view.phone} type="tel" autoComplete="tel" required />}
      </Field>
      <fieldset className="field">
        <legend>{t('register.place')}</legend>
        {places.map((place) => (
          <label key={place.id} className="choice">
            <input
              type="radio"
              name="place"
              value={place.id}
              defaultChecked={place.id === view.place}
              required
            />
            {place.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t('myRegistration.save')}
      </button>
    </form>
  );
}
