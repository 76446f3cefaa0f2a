import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import type { LobbyGate } from './useLobbyGate';

/** What a person sees while the lobby holds them, or after a co-chair removed them. */
export function LobbyWaiting({ gate }: { gate: LobbyGate }) {
  const { t } = useTranslation();
  return (
    <section className="lobby-waiting" aria-labelledby="lobby-waiting-heading">
      {gate.status === 'removed' ? (
        <>
          <h2 id="lobby-waiting-heading">{t('lobby.removedHeading')}</h2>
          <p>{t('lobby.removed')}</p>
          <button type="button" onClick={gate.askAgain}>
            {t('lobby.askAgain')}
          </button>
        </>
      ) : (
        <>
          <h2 id="lobby-waiting-heading">{t('lobby.waitingTitle')}</h2>
          <p role="status">{t('lobby.waiting')}</p>
        </>
      )}
      <ActionError error={gate.error} />
    </section>
  );
}
