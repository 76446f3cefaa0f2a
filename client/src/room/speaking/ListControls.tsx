import { SpeakingEvents, type SpeakingState } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import { ConfirmButton } from '../../ui/ConfirmButton';

/** Open or close the list, clear it, put the last speaker back at the head of the list. */
export function ListControls({ roomId, state }: { roomId: string; state: SpeakingState }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { open } = state.settings;

  function handleOpenClose() {
    void command.run(open ? SpeakingEvents.Close : SpeakingEvents.Open, { roomId });
  }
  function handleReadd() {
    void command.run(SpeakingEvents.ReaddLast, { roomId });
  }
  function handleClear() {
    void command.run(SpeakingEvents.Clear, { roomId });
  }

  return (
    <div className="list-controls">
      <div className="actions" role="group" aria-label={t('speaking.listControls')}>
        <button type="button" onClick={handleOpenClose}>
          {open ? t('speaking.closeList') : t('speaking.openList')}
        </button>
        <button type="button" onClick={handleReadd} disabled={state.history.length === 0}>
          {t('speaking.readdLast')}
        </button>
        <ConfirmButton
          confirmLabel={t('speaking.clearConfirm')}
          onConfirm={handleClear}
          disabled={state.entries.length === 0}
        >
          {t('speaking.clearList')}
        </ConfirmButton>
      </div>
      <ActionError error={command.error} />
    </div>
  );
}
