import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { Field } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { signIn } from './api';
import { safeNext, useApplySession } from './useApplySession';
import { formText } from '../ui/formText';

const FIELDS = ['email', 'password'] as const;

/** Sign-in for organizers (and anyone with a password); invited people arrive by link instead. */
export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const applySession = useApplySession();
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      applySession(me);
      const fallback = me.person.isOrganizer ? '/console' : '/';
      void navigate(safeNext(searchParams.get('next')) ?? fallback, { replace: true });
    },
  });
  const fieldErrors = fieldErrorsOf(mutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = formText(event.currentTarget);
    mutation.mutate({ email: text('email'), password: text('password') });
  }

  return (
    <section className="narrow" aria-labelledby="signin-heading">
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
      <h1 id="signin-heading">{t('auth.signInTitle')}</h1>
      <form onSubmit={handleSubmit}>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Field label={t('auth.email')} name="email" error={fieldErrors['email']}>
          {(control) => <input {...control} type="email" autoComplete="username" required />}
        </Field>
        <Field label={t('auth.password')} name="password" error={fieldErrors['password']}>
          {(control) => <input {...control} type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </section>
  );
}
