import {
  agendaItemTitles,
  moveAgendaItem,
  presenterAffiliation,
  removeAgendaItem,
  type AgendaItem,
} from '@roundtable/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDocStore } from '../../realtime/roomDocStore';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Localized, useTextIn } from '../../i18n/Localized';
import { AgendaItemForm } from './AgendaItemForm';

interface AgendaItemRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  isCurrent: boolean;
  moderate: boolean;
  store: RoomDocStore<AgendaItem[]>;
  onMakeCurrent: () => void;
}

/** One agenda item; co-chairs retitle, time, reorder and remove it in place. */
export function AgendaItemRow({
  item,
  index,
  count,
  isCurrent,
  moderate,
  store,
  onMakeCurrent,
}: AgendaItemRowProps) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const [editing, setEditing] = useState(false);

  function handleMove(by: -1 | 1) {
    const doc = store.doc();
    if (doc) moveAgendaItem(doc, item.id, index + by);
  }
  function handleRemove() {
    const doc = store.doc();
    if (doc) removeAgendaItem(doc, item.id);
  }

  if (editing) {
    return (
      <li className="agenda-item">
        <AgendaItemForm store={store} item={item} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li
      className={isCurrent ? 'agenda-item agenda-item-current' : 'agenda-item'}
      aria-current={isCurrent ? 'step' : undefined}
      data-testid="agenda-item"
    >
      <span className="agenda-title">
        <Localized text={agendaItemTitles(item)} />
      </span>
      {isCurrent && <span className="badge badge-floor">{t('agenda.now')}</span>}
      {item.durationMinutes > 0 && (
        <span className="muted"> {t('agenda.minutes', { count: item.durationMinutes })}</span>
      )}
      {item.presenters.length > 0 && (
        <p className="muted">
          {t('agenda.presentedBy', {
            names: item.presenters
              .map((name, i) => {
                const affiliation = textIn(presenterAffiliation(item, i));
                return affiliation ? t('agenda.presenterWithAffiliation', { name, affiliation }) : name;
              })
              .join(', '),
          })}
        </p>
      )}
      {moderate && (
        <span
          className="row-actions"
          role="group"
          aria-label={t('agenda.itemActions', { title: item.title })}
        >
          {!isCurrent && (
            <button type="button" onClick={onMakeCurrent}>
              {t('agenda.makeCurrent')}
              <span className="visually-hidden"> {item.title}</span>
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            {t('common.edit')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
          <button type="button" onClick={() => handleMove(-1)} disabled={index === 0}>
            <span aria-hidden="true">↑</span>
            <span className="visually-hidden">{t('agenda.moveUp', { title: item.title })}</span>
          </button>
          <button type="button" onClick={() => handleMove(1)} disabled={index === count - 1}>
            <span aria-hidden="true">↓</span>
            <span className="visually-hidden">{t('agenda.moveDown', { title: item.title })}</span>
          </button>
          <ConfirmButton
            subject={item.title}
            confirmLabel={t('agenda.removeConfirm', { title: item.title })}
            onConfirm={handleRemove}
          >
            {t('common.remove')}
          </ConfirmButton>
        </span>
      )}
    </li>
  );
}
