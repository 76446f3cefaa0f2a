import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { signOut } from './api';
import { useApplySession } from './useApplySession';
import { useMe } from './useMe';

/** Who is signed in and the way out, or the way in. */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const applySession = useApplySession();
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      applySession(null);
      void navigate('/');
    },
  });

  function handleSignOut() {
    mutation.mutate();
  }

  if (me.isPending) return null;
  if (!me.data) {
    return (
      <div className="account">
        <Link to="/signin">{t('auth.signIn')}</Link>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="phone-hidden">{t('auth.signedInAs', { name: me.data.person.name })}</span>
      <button type="button" onClick={handleSignOut} disabled={mutation.isPending}>
        {t('auth.signOut')}
      </button>
      <ErrorAlert error={mutation.error} />
    </div>
  );
}
