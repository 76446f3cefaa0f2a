import { ChatEvents, type ChatSettings } from '@roundtable/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';

const SLOW_STEPS = [0, 10, 30, 60, 120];

/** Co-chairs' chat rules: pause, slow mode, observers writing. */
export function ChatModeration({ roomId, settings }: { roomId: string; settings: ChatSettings }) {
  const { t } = useTranslation();
  const command = useCommand();
  const slowId = useId();
  const update = (patch: Partial<ChatSettings>) =>
    void command.run(ChatEvents.UpdateSettings, { roomId, settings: patch });
  return (
    <details className="chat-moderation">
      <summary>{t('chat.moderation')}</summary>
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(e) => update({ paused: e.target.checked })}
        />
        {t('chat.pause')}
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.observersMayWrite}
          onChange={(e) => update({ observersMayWrite: e.target.checked })}
        />
        {t('chat.observersMayWrite')}
      </label>
      <label htmlFor={slowId}>{t('chat.slowModeLabel')}</label>
      <select
        id={slowId}
        value={settings.slowModeSeconds}
        onChange={(e) => update({ slowModeSeconds: Number(e.target.value) })}
      >
        {SLOW_STEPS.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? t('chat.slowOff') : t('chat.slowSeconds', { seconds: s })}
          </option>
        ))}
      </select>
      <ActionError error={command.error} />
    </details>
  );
}
