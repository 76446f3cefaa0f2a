import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { completeSetup, fetchSetupStatus } from './api';
import { useApplySession } from './useApplySession';
import { formText } from '../ui/formText';

// The token has no field of its own: its problems are listed in the alert.
const FIELDS = ['name', 'email', 'password'] as const;

/** First run: the setup link from the server log creates the first organizer. */
export default function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const applySession = useApplySession();
  const status = useQuery({ queryKey: ['setup'], queryFn: ({ signal }) => fetchSetupStatus(signal) });
  const mutation = useMutation({
    mutationFn: completeSetup,
    onSuccess: (me) => {
      applySession(me);
      void navigate('/console', { replace: true });
    },
  });
  const fieldErrors = fieldErrorsOf(mutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = formText(event.currentTarget);
    mutation.mutate({ token, name: text('name'), email: text('email'), password: text('password') });
  }

  return (
    <section className="narrow" aria-labelledby="setup-heading">
      <PageTitle>{t('setup.title')}</PageTitle>
      <h1 id="setup-heading">{t('setup.title')}</h1>
      {status.isPending && <Loading />}
      <ErrorAlert error={status.error} />
      {status.data?.needed === false && (
        <p>
          {t('setup.done')} <Link to="/signin">{t('auth.signIn')}</Link>
        </p>
      )}
      {status.data?.needed && !token && <p role="alert">{t('setup.missingToken')}</p>}
      {status.data?.needed && token && (
        <form onSubmit={handleSubmit}>
          <p>{t('setup.intro')}</p>
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <Field label={t('setup.name')} name="name" error={fieldErrors['name']}>
            {(control) => <input {...control} autoComplete="name" required />}
          </Field>
          <Field label={t('auth.email')} name="email" error={fieldErrors['email']}>
            {(control) => <input {...control} type="email" autoComplete="username" required />}
          </Field>
          <Field
            label={t('auth.password')}
            name="password"
            error={fieldErrors['password']}
            hint={t('setup.passwordHint')}
          >
            {(control) => (
              <input {...control} type="password" autoComplete="new-password" minLength={10} required />
            )}
          </Field>
          <button type="submit" className="button-primary" disabled={mutation.isPending}>
            {t('setup.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
