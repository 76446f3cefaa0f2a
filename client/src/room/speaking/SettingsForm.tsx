import { RotationSchema, SpeakingEvents, type SpeakingSettings } from '@roundtable/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';

/**
 * The list's rules: rotation between sides or categories, the default time limit and the rest.
 * Only the fields changed here are held locally; the others follow the server (the other co-chair
 * may change them meanwhile).
 */
export function SettingsForm({ roomId, settings }: { roomId: string; settings: SpeakingSettings }) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId();
  const [edits, setEdits] = useState<Partial<SpeakingSettings>>({});
  const draft = { ...settings, ...edits };
  const [saved, setSaved] = useState(false);
  const minutes = Math.floor(draft.defaultLimitSeconds / 60);
  const seconds = draft.defaultLimitSeconds % 60;

  function update(patch: Partial<SpeakingSettings>) {
    setSaved(false);
    setEdits((current) => ({ ...current, ...patch }));
  }
  function handleLimit(nextMinutes: number, nextSeconds: number) {
    const total = Math.max(0, Math.min(4 * 3600, Math.round(nextMinutes) * 60 + Math.round(nextSeconds)));
    update({ defaultLimitSeconds: Number.isFinite(total) ? total : 0 });
  }
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { rotation, defaultLimitSeconds, onePerPerson, firstTimeFirst, autoEnd } = draft;
    const done = await command.run(SpeakingEvents.UpdateSettings, {
      roomId,
      settings: { rotation, defaultLimitSeconds, onePerPerson, firstTimeFirst, autoEnd },
    });
    if (!done) return;
    setEdits({});
    setSaved(true);
  }

  return (
    <form
      className="inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h4 id={`${id}-heading`} className="visually-hidden">
        {t('speaking.settings')}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-rotation`}>{t('speaking.rotation')}</label>
        <select
          id={`${id}-rotation`}
          value={draft.rotation}
          onChange={(event) => update({ rotation: RotationSchema.parse(event.target.value) })}
        >
          <option value="off">{t('speaking.rotations.off')}</option>
          <option value="side">{t('speaking.rotations.side')}</option>
          <option value="category">{t('speaking.rotations.category')}</option>
        </select>
      </div>
      <fieldset>
        <legend>{t('speaking.defaultLimit')}</legend>
        <NumberChoice
          label={t('speaking.minutes')}
          max={240}
          value={minutes}
          onChange={(next) => handleLimit(next, seconds)}
        />
        <NumberChoice
          label={t('speaking.seconds')}
          max={59}
          value={seconds}
          onChange={(next) => handleLimit(minutes, next)}
        />
        <p className="field-hint">{t('speaking.noLimitHint')}</p>
      </fieldset>
      <Toggle
        label={t('speaking.autoEnd')}
        checked={draft.autoEnd}
        onChange={(autoEnd) => update({ autoEnd })}
      />
      <Toggle
        label={t('speaking.firstTimeFirst')}
        checked={draft.firstTimeFirst}
        onChange={(firstTimeFirst) => update({ firstTimeFirst })}
      />
      <Toggle
        label={t('speaking.onePerPerson')}
        checked={draft.onePerPerson}
        onChange={(onePerPerson) => update({ onePerPerson })}
      />
      <button type="submit" disabled={command.pending}>
        {t('speaking.saveSettings')}
      </button>
      {saved && <p role="status">{t('common.saved')}</p>}
      <ActionError error={command.error} />
    </form>
  );
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="field-checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

interface NumberChoiceProps {
  label: string;
  max: number;
  value: number;
  onChange: (value: number) => void;
}

function NumberChoice({ label, max, value, onChange }: NumberChoiceProps) {
  return (
    <label className="choice">
      <input
        type="number"
        min={0}
        max={max}
        value={value}
        onChange={(event) => onChange(event.target.valueAsNumber || 0)}
      />
      {label}
    </label>
  );
}
