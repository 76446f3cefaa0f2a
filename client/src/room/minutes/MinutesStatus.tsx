import type { AwarenessUser } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import type { RoomDocStatus } from '../../realtime/roomDoc';
import { safeColor } from './collab/carets';
import type { SaveState } from './connection/saveTracker';

interface MinutesStatusProps {
  status: RoomDocStatus;
  save: SaveState;
  canWrite: boolean;
  coEditors: AwarenessUser[];
}

/** Connection and save state, and who else is writing (for writers): the line above the minutes. */
export function MinutesStatus({ status, save, canWrite, coEditors }: MinutesStatusProps) {
  const { t } = useTranslation();
  // Offline, "saving" would promise too much: the changes wait here until the connection returns.
  const saveKey = save === 'saving' && status !== 'synced' ? 'waiting' : save;
  return (
    <div className="minutes-status">
      {/* Polite and short: the connection changes rarely; the save state is not announced. */}
      <p role="status" className={`minutes-connection minutes-connection-${status}`} data-status={status}>
        {t(`minutes.status.${status}`)}
      </p>
      {canWrite && (
        <p className={`minutes-save minutes-save-${saveKey}`} data-save={saveKey}>
          {t(`minutes.save.${saveKey}`)}
        </p>
      )}
      {/* Who is writing matters to writers only; read-only minutes have no writers to show. */}
      {canWrite && coEditors.length > 0 && (
        <div className="minutes-coeditors">
          <span id="minutes-coeditors-label">{t('minutes.coEditors')}</span>
          <ul aria-labelledby="minutes-coeditors-label">
            {coEditors.map((user) => (
              <li key={user.personId} data-person-id={user.personId}>
                <span className="minutes-swatch" style={{ backgroundColor: safeColor(user.color) }} />
                {user.name}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
