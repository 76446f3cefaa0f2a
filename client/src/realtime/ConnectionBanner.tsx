import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useConnectionStatus, useSubscriptionsDegraded } from './hooks';

/**
 * Tells everyone, screen readers included, when the live connection is down, or connected but with
 * a part of the page that could not be brought up to date (a subscription the server refused, e.g.
 * while it reconnects to its database; it is retried until it succeeds). The status region is
 * always rendered so that its text changing is announced. Self-contained: place it anywhere.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { status, everConnected } = useConnectionStatus();
  const degraded = useSubscriptionsDegraded() && status === 'connected';
  const location = useLocation();
  const showing =
    degraded ||
    status === 'reconnecting' ||
    status === 'signed_out' ||
    status === 'outdated' ||
    (status === 'connecting' && everConnected);
  return (
    <div role="status" className={showing ? 'connection-banner' : 'connection-banner-idle'}>
      {degraded && <p>{t('connection.degraded')}</p>}
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
