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
      <h3>{t('speaking.stats')}</h3>
      <ActionError error={error} />
      {stats && stats.turns === 0 && <p>{t('speaking.noTurnsYet')}</p>}
      {stats && stats.turns > 0 && (
        <>
          <TotalsTable
            caption={t('speaking.bySide')}
            groupHeading={t('speaking.side')}
            rows={stats.bySide.map((row) => ({ key: row.side ?? '', label: row.side ?? unnamed, ...row }))}
          />
          <TotalsTable
            caption={t('speaking.byDelegation')}
            groupHeading={t('speaking.delegation')}
            rows={stats.byDelegation.map((row) => ({
              key: row.delegationId ?? '',
              label: delegation(row) || unnamed,
              ...row,
            }))}
          />
        </>
      )}
    </div>
  );
}

interface TotalsRow {
  key: string;
  label: string;
  turns: number;
  totalMs: number;
}

/** Turns and time per group (side or delegation), biggest share first as the server sorts them. */
function TotalsTable({
  caption,
  groupHeading,
  rows,
}: {
  caption: string;
  groupHeading: string;
  rows: TotalsRow[];
}) {
  const { t } = useTranslation();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupHeading}</th>
          <th scope="col">{t('speaking.turns')}</th>
          <th scope="col">{t('speaking.time')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.turns}</td>
            <td>{formatClock(row.totalMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
