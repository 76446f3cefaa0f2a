import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { useMe } from './useMe';

/**
 * Shows its children to organizers only; sends everyone else to sign in. The server enforces the
 * same rule on every call — this only spares people a screen of errors.
 */
export function RequireOrganizer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (!me.data.person.isOrganizer) {
    return (
      <p role="alert" className="alert alert-error">
        {t('console.organizersOnly')}
      </p>
    );
  }
  return children;
}
