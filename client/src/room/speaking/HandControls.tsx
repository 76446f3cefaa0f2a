import { SpeakingEvents, upcomingOrder, type SpeakingState, type SpeechKind } from '@roundtable/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';

const KINDS: readonly SpeechKind[] = ['normal', 'point_of_order', 'direct_reply'];

interface HandControlsProps {
  roomId: string;
  state: SpeakingState;
  myId: string;
}

/** Raise a hand with a kind, see one's place in the calling order, lower it again. */
export function HandControls({ roomId, state, myId }: HandControlsProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [kind, setKind] = useState<SpeechKind>('normal');
  const groupName = useId();
  const order = upcomingOrder(state);
  const mine = order
    .map((entry, index) => ({ entry, position: index + 1 }))
    .filter(({ entry }) => entry.personId === myId);
  // A closed list still takes points of order.
  const canRaise = state.settings.open || kind === 'point_of_order';

  function handleRaise() {
    void command.run(SpeakingEvents.RaiseHand, { roomId, kind });
  }
  function handleLower(entryId: string) {
    void command.run(SpeakingEvents.LowerHand, { roomId, entryId });
  }

  return (
    <div className="hand-controls">
      <fieldset>
        <legend>{t('speaking.requestKind')}</legend>
        {KINDS.map((each) => (
          <label key={each} className="choice">
            <input
              type="radio"
              name={groupName}
              value={each}
              checked={kind === each}
              onChange={() => setKind(each)}
            />
            {t(`speaking.kinds.${each}`)}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button-primary"
        onClick={handleRaise}
        disabled={!canRaise || command.pending}
      >
        {t('speaking.raiseHand')}
      </button>
      {mine.length > 0 && (
        <ul className="my-hands" aria-label={t('speaking.myRequests')}>
          {mine.map(({ entry, position }) => (
            <li key={entry.id}>
              <span data-testid="my-position">
                {t('speaking.yourPosition', { position, total: order.length })}
              </span>
              {entry.kind !== 'normal' && <span className="badge">{t(`speaking.kinds.${entry.kind}`)}</span>}{' '}
              <button type="button" onClick={() => handleLower(entry.id)}>
                {t('speaking.lowerHand')}
                {entry.kind !== 'normal' && (
                  <span className="visually-hidden"> ({t(`speaking.kinds.${entry.kind}`)})</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionError error={command.error} />
    </div>
  );
}
