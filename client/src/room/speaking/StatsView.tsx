import { SpeakingEvents, type SpeakingStats } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useConnectionStatus } from '../../realtime/hooks';
import { request } from '../../realtime/request';
import { getSocket } from '../../realtime/socket';
import { useDelegationLabel } from '../labels';
import { formatClock } from '../time';

/** Re-read at most this often while the list changes quickly. */
const REFRESH_DELAY_MS = 500;

/**
 * Speaking time per side and per delegation, the running turn included, re-read from the server
 * (`speaking:stats`) whenever the speaking order changes.
 */
export function StatsView({ roomId, version }: { roomId: string; version: number }) {
  const { t } = useTranslation();
  const delegation = useDelegationLabel();
  const [stats, setStats] = useState<SpeakingStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const connected = useConnectionStatus().status === 'connected';

  useEffect(() => {
    if (!connected) return;
    let active = true;
    const timer = setTimeout(() => {
      request(getSocket(), SpeakingEvents.Stats, { roomId })
        .then((next) => {
          if (!active) return;
          setError(null);
          setStats(next);
        })
        .catch((err: unknown) => {
          if (active) setError(err);
        });
    }, REFRESH_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [roomId, version, connected]);

  const unnamed = t('speaking.noDelegation');
  return (
    <div className="speaking-stats">
      <h4>{t('speaking.stats')}</h4>
      <ActionError error={error} />
      {stats && stats.turns === 0 && <p>{t('speaking.noTurnsYet')}</p>}
      {stats && stats.turns > 0 && (
        <>
          <table>
            <caption>{t('speaking.bySide')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('speaking.side')}</th>
                <th scope="col">{t('speaking.turns')}</th>
                <th scope="col">{t('speaking.time')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.bySide.map((row) => (
                <tr key={row.side ?? ''}>
                  <th scope="row">{row.side ?? unnamed}</th>
                  <td>{row.turns}</td>
                  <td>{formatClock(row.totalMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('speaking.byDelegation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('speaking.delegation')}</th>
                <th scope="col">{t('speaking.turns')}</th>
                <th scope="col">{t('speaking.time')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byDelegation.map((row) => (
                <tr key={row.delegationId ?? ''}>
                  <th scope="row">{delegation(row) || unnamed}</th>
                  <td>{row.turns}</td>
                  <td>{formatClock(row.totalMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
