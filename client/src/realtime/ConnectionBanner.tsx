import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useConnectionStatus } from './hooks';

/**
 * Tells everyone, screen readers included, when the live connection is down. The status region is
 * always rendered so that its text changing is announced.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { status, everConnected } = useConnectionStatus();
  const location = useLocation();
  const showing =
    status === 'reconnecting' ||
    status === 'signed_out' ||
    status === 'outdated' ||
    (status === 'connecting' && everConnected);
  return (
    <div role="status" className={showing ? 'connection-banner' : 'connection-banner-idle'}>
      {(status === 'reconnecting' || (status === 'connecting' && everConnected)) && (
        <p>{t('connection.reconnecting')}</p>
      )}
      {status === 'signed_out' && (
        <p>
          {t('connection.signedOut')}{' '}
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t('connection.signIn')}</Link>
        </p>
      )}
      {status === 'outdated' && (
        <p>
          {t('connection.outdated')}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {t('connection.reload')}
          </button>
        </p>
      )}
    </div>
  );
}
