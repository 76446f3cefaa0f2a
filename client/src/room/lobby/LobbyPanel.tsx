import { LobbyEvents, type LobbyStatePush } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { request } from '../../realtime/request';
import { useCommand } from '../../realtime/useCommand';
import { useRoomChannel, type RoomChannel } from '../../realtime/useRoomChannel';

const lobbyChannel: RoomChannel<LobbyStatePush> = {
  subscribe: (socket, roomId) => request(socket, LobbyEvents.Watch, { roomId }),
  // There is no "unwatch": the server forgets the watcher when its socket leaves.
  unsubscribe: () => undefined,
  listen: (socket, roomId, onPush) => {
    const handleState = (push: LobbyStatePush) => {
      if (push.roomId === roomId) onPush(push);
    };
    socket.on(LobbyEvents.State, handleState);
    return () => {
      socket.off(LobbyEvents.State, handleState);
    };
  },
};

/** Co-chairs: who waits to be admitted, to admit one by one or all at once. */
export function LobbyPanel({ roomId, lobbyEnabled }: { roomId: string; lobbyEnabled: boolean }) {
  const { t } = useTranslation();
  const { value, error } = useRoomChannel(lobbyChannel, roomId);
  const command = useCommand();
  const waiting = value?.state.waiting ?? [];
  // A room without a lobby still holds people a co-chair removed until they are admitted again.
  if (!lobbyEnabled && waiting.length === 0) return null;

  function handleAdmit(personId: string) {
    void command.run(LobbyEvents.Admit, { roomId, personIds: [personId] });
  }
  function handleAdmitAll() {
    void command.run(LobbyEvents.AdmitAll, { roomId });
  }

  return (
    <section className="lobby-panel" aria-labelledby="lobby-heading">
      <h3 id="lobby-heading">{t('lobby.waitingHeading', { count: waiting.length })}</h3>
      <ActionError error={error} />
      {waiting.length === 0 ? (
        <p>{t('lobby.nobodyWaiting')}</p>
      ) : (
        <>
          <ul className="people-list">
            {waiting.map((waiter) => (
              <li key={waiter.personId}>
                <span className="person-name">{waiter.name}</span>{' '}
                <button type="button" onClick={() => handleAdmit(waiter.personId)}>
                  {t('lobby.admit')}
                  <span className="visually-hidden"> {waiter.name}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button-primary" onClick={handleAdmitAll}>
            {t('lobby.admitAll')}
          </button>
        </>
      )}
      <ActionError error={command.error} />
    </section>
  );
}
