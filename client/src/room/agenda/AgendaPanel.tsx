import { AgendaEvents, agendaItemTitles, type AgendaItem, type AgendaState } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useServerNow } from '../../realtime/hooks';
import { useCommand } from '../../realtime/useCommand';
import { formatClock } from '../time';
import { Localized } from '../../i18n/Localized';
import { AgendaItemForm } from './AgendaItemForm';
import { AgendaItemRow } from './AgendaItemRow';
import { useAgendaDoc, useAgendaState } from './useAgenda';

/**
 * The agenda: items live from the room's Y.Doc (co-chairs edit them together), the current item
 * and its time from the server.
 */
export function AgendaPanel({ roomId, moderate }: { roomId: string; moderate: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgendaDoc(roomId);
  const current = useAgendaState(roomId);
  const command = useCommand();
  const items = agenda.value;
  const state = current.value;
  const currentItem = items.find((item) => item.id === state?.currentItemId) ?? null;
  const itemIds = items.map((item) => item.id);

  function handleAdvance() {
    void command.run(AgendaEvents.Advance, { roomId, fromItemId: state?.currentItemId ?? null, itemIds });
  }
  function handleSetCurrent(itemId: string | null) {
    void command.run(AgendaEvents.SetCurrent, { roomId, itemId, itemIds });
  }

  return (
    <div className="agenda">
      {agenda.status === 'offline' && <p className="muted">{t('agenda.offline')}</p>}
      {agenda.status === 'forbidden' && <p role="alert">{t('agenda.forbidden')}</p>}
      <ActionError error={current.error} />
      {state && <CurrentItem state={state} item={currentItem} />}
      {moderate && (
        <div className="actions" role="group" aria-label={t('agenda.controls')}>
          <button
            type="button"
            className="button-primary"
            onClick={handleAdvance}
            disabled={items.length === 0}
          >
            {state?.currentItemId ? t('agenda.next') : t('agenda.start')}
          </button>
          {state?.currentItemId && (
            <button type="button" onClick={() => handleSetCurrent(null)}>
              {t('agenda.stop')}
            </button>
          )}
        </div>
      )}
      <ActionError error={command.error} />
      {items.length === 0 ? (
        <p>{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-items" aria-label={t('agenda.itemsLabel')}>
          {items.map((item, index) => (
            <AgendaItemRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              isCurrent={item.id === state?.currentItemId}
              moderate={moderate}
              store={agenda.store}
              onMakeCurrent={() => handleSetCurrent(item.id)}
            />
          ))}
        </ol>
      )}
      {moderate && <AgendaItemForm store={agenda.store} />}
    </div>
  );
}

/** The running item with its elapsed and remaining time, from server time. */
function CurrentItem({ state, item }: { state: AgendaState; item: AgendaItem | null }) {
  const { t } = useTranslation();
  const now = useServerNow();
  if (!state.currentItemId || state.startedAt === null) {
    return <p data-testid="agenda-current">{t('agenda.noCurrent')}</p>;
  }
  const elapsedMs = Math.max(0, now - state.startedAt);
  const plannedMs = (item?.durationMinutes ?? 0) * 60_000;
  return (
    <div className="agenda-current" data-testid="agenda-current">
      <p>
        <span className="label">{t('agenda.now')}</span>{' '}
        <strong>{item ? <Localized text={agendaItemTitles(item)} /> : t('agenda.removedItem')}</strong>
      </p>
      <p>
        <span role="timer">{t('agenda.elapsed', { time: formatClock(elapsedMs) })}</span>
        {plannedMs > 0 && (
          <span className={elapsedMs > plannedMs ? 'muted overtime' : 'muted'}>
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
