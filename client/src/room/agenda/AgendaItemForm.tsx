import {
  addAgendaItem,
  agendaItemTitles,
  EMPTY_TEXT,
  presenterAffiliation,
  updateAgendaItem,
  type AgendaItem,
  type LocalizedText,
} from '@roundtable/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualField } from '../../console/BilingualField';
import { useTextIn } from '../../i18n/Localized';
import type { RoomDocStore } from '../../realtime/roomDocStore';

/** The presenters typed in one line, separated by commas (Japanese 、 too). */
function splitPresenters(line: string): string[] {
  return line
    .split(/[,、]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

interface AgendaItemFormProps {
  store: RoomDocStore<AgendaItem[]>;
  /** The item to change; without one the form adds a new item at the end. */
  item?: AgendaItem;
  onDone?: () => void;
}

/**
 * Title (English and Japanese), duration, presenters and each presenter's affiliation (both
 * languages), written straight into the shared agenda document.
 */
export function AgendaItemForm({ store, item, onDone }: AgendaItemFormProps) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const id = useId();
  const [titles, setTitles] = useState<LocalizedText>(item ? agendaItemTitles(item) : EMPTY_TEXT);
  const [minutes, setMinutes] = useState(item?.durationMinutes ?? 10);
  const [presenters, setPresenters] = useState(item?.presenters.join(', ') ?? '');
  // By presenter name, so retyping the list keeps each person's affiliation.
  const [affiliations, setAffiliations] = useState<Record<string, LocalizedText>>(() =>
    Object.fromEntries(
      (item?.presenters ?? []).map((name, i) => [name, presenterAffiliation(item ?? {}, i)]),
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const names = splitPresenters(presenters);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const doc = store.doc();
    if (!doc) {
      setProblem(t('agenda.offline'));
      return;
    }
    const fields = {
      titles: { en: titles.en.trim(), ja: titles.ja.trim() },
      durationMinutes: Math.max(0, Math.min(24 * 60, Math.round(minutes) || 0)),
      presenters: names,
      affiliations: names.map((name) => affiliations[name] ?? EMPTY_TEXT),
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
      setTitles(EMPTY_TEXT);
      setPresenters('');
      setAffiliations({});
    }
    onDone?.();
  }

  return (
    <form className="inline-form agenda-form" aria-labelledby={`${id}-heading`} onSubmit={handleSubmit}>
      <h4 id={`${id}-heading`}>
        {item ? t('agenda.editItem', { title: textIn(agendaItemTitles(item)) }) : t('agenda.addItem')}
      </h4>
      <BilingualField
        label={t('agenda.itemTitle')}
        name="title"
        required
        value={titles}
        onChange={setTitles}
      />
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
      {names.map((name) => (
        <BilingualField
          key={name}
          label={t('agenda.affiliationOf', { name })}
          name={`affiliation-${name}`}
          value={affiliations[name] ?? EMPTY_TEXT}
          onChange={(value) => setAffiliations((current) => ({ ...current, [name]: value }))}
        />
      ))}
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
