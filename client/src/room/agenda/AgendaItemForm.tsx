import { addAgendaItem, updateAgendaItem, type AgendaItem } from '@roundtable/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDocStore } from '../../realtime/roomDocStore';

interface AgendaItemFormProps {
  store: RoomDocStore<AgendaItem[]>;
  /** The item to change; without one the form adds a new item at the end. */
  item?: AgendaItem;
  onDone?: () => void;
}

/** Title, duration and presenters of an item, written straight into the shared agenda document. */
export function AgendaItemForm({ store, item, onDone }: AgendaItemFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(item?.title ?? '');
  const [minutes, setMinutes] = useState(item?.durationMinutes ?? 10);
  const [presenters, setPresenters] = useState(item?.presenters.join(', ') ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const doc = store.doc();
    if (!doc) {
      setProblem(t('agenda.offline'));
      return;
    }
    const fields = {
      title: title.trim(),
      durationMinutes: Math.max(0, Math.min(24 * 60, Math.round(minutes) || 0)),
      presenters: presenters
        .split(/[,、]/)
        .map((name) => name.trim())
        .filter((name) => name.length > 0),
    };
    try {
      if (item) updateAgendaItem(doc, item.id, fields);
      else addAgendaItem(doc, fields);
    } catch {
      // The shared schema refuses what the server would (e.g. a title past the length limit).
      setProblem(t('agenda.invalidItem'));
      return;
    }
    setProblem(null);
    if (!item) {
      setTitle('');
      setPresenters('');
    }
    onDone?.();
  }

  return (
    <form className="inline-form agenda-form" aria-labelledby={`${id}-heading`} onSubmit={handleSubmit}>
      <h4 id={`${id}-heading`}>{item ? t('agenda.editItem', { title: item.title }) : t('agenda.addItem')}</h4>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('agenda.itemTitle')}</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          maxLength={200}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t('agenda.duration')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={0}
          max={1440}
          value={minutes}
          onChange={(event) => setMinutes(event.target.valueAsNumber)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-presenters`}>{t('agenda.presenters')}</label>
        <input
          id={`${id}-presenters`}
          value={presenters}
          onChange={(event) => setPresenters(event.target.value)}
          aria-describedby={`${id}-presenters-hint`}
        />
        <p id={`${id}-presenters-hint`} className="field-hint">
          {t('agenda.presentersHint')}
        </p>
      </div>
      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary">
          {item ? t('common.save') : t('agenda.add')}
        </button>
        {item && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
