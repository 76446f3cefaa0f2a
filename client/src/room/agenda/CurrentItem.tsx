import { agendaItemTitles } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { Localized } from '../../i18n/Localized';
import { useServerNow } from '../../realtime/hooks';
import { formatClock } from '../time';
import { useAgendaDoc, useAgendaState } from './useAgenda';

/** The running agenda item with its elapsed and remaining time, from server time (on the stage). */
export function CurrentItem({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const items = useAgendaDoc(roomId).value;
  const state = useAgendaState(roomId).value;
  if (!state) return null;
  const item = items.find((each) => each.id === state.currentItemId) ?? null;
  if (!state.currentItemId || state.startedAt === null) {
    return (
      <p className="stage-agenda muted" data-testid="agenda-current">
        {t('agenda.noCurrent')}
      </p>
    );
  }
  const elapsedMs = Math.max(0, now - state.startedAt);
  const plannedMs = (item?.durationMinutes ?? 0) * 60_000;
  return (
    <div className="stage-agenda" data-testid="agenda-current">
      <p>
        <span className="label">{t('agenda.now')}</span>{' '}
        <strong>{item ? <Localized text={agendaItemTitles(item)} /> : t('agenda.removedItem')}</strong>
      </p>
      <p className="muted">
        <span role="timer">{t('agenda.elapsed', { time: formatClock(elapsedMs) })}</span>
        {plannedMs > 0 && (
          <span className={elapsedMs > plannedMs ? 'overtime' : undefined}>
            {' · '}
            {elapsedMs > plannedMs
              ? t('agenda.over', { time: formatClock(elapsedMs - plannedMs) })
              : t('agenda.remaining', { time: formatClock(plannedMs - elapsedMs, 'up') })}
          </span>
        )}
      </p>
    </div>
  );
}
