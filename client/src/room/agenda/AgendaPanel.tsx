import { AgendaEvents } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import { AgendaItemForm } from './AgendaItemForm';
import { AgendaItemRow } from './AgendaItemRow';
import { useAgendaDoc, useAgendaState } from './useAgenda';

/**
 * The agenda: items live from the room's Y.Doc (co-chairs edit them together), the current item
 * from the server (its time is on the stage).
 */
export function AgendaPanel({ roomId, moderate }: { roomId: string; moderate: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgendaDoc(roomId);
  const current = useAgendaState(roomId);
  const command = useCommand();
  const items = agenda.value;
  const state = current.value;
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
