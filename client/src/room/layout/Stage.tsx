import { upcomingOrder } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { Loading } from '../../ui/Loading';
import { CurrentItem } from '../agenda/CurrentItem';
import { MediaRegion } from '../MediaRegion';
import { FloorStatus } from '../speaking/FloorStatus';
import { useRoomContext } from './roomContext';

/**
 * The centre of the room: who has the floor, their delegation and clock, one's own place, and the
 * current agenda item with its time; then the video tiles (the floor holder or a shared screen in
 * the spotlight) once the person joined the audio and video.
 */
export function Stage() {
  const { t } = useTranslation();
  const { room, me, abilities, speaking } = useRoomContext();
  const { push, error, timeUp } = speaking;
  return (
    <section className="room-stage" aria-labelledby="floor-heading">
      <div className="stage-card">
        {push ? (
          <>
            <FloorStatus
              roomId={room.id}
              floor={push.state.floor}
              myId={me.person.id}
              moderate={abilities.moderate}
              timeUp={timeUp}
              hasWaiting={push.state.entries.length > 0}
            />
            <MyPlace />
          </>
        ) : error ? (
          <ActionError error={error} />
        ) : (
          <Loading />
        )}
        <CurrentItem roomId={room.id} />
      </div>
      <section className="stage-media" aria-labelledby="room-media-heading">
        <h2 id="room-media-heading" className="visually-hidden">
          {t('room.media')}
        </h2>
        <MediaRegion
          roomId={room.id}
          role={abilities.role}
          floorHolderId={push?.state.floor?.personId ?? null}
        />
      </section>
    </section>
  );
}

/** The viewer's own place in the calling order, on the stage so that it is seen without a panel. */
function MyPlace() {
  const { t } = useTranslation();
  const { me, speaking } = useRoomContext();
  const state = speaking.push?.state;
  if (!state) return null;
  const order = upcomingOrder(state);
  const mine = order.findIndex((entry) => entry.personId === me.person.id);
  if (mine < 0) return null;
  const entry = order[mine];
  return (
    <p className="stage-place">
      <span data-testid="my-position">
        {t('speaking.yourPosition', { position: mine + 1, total: order.length })}
      </span>
      {entry && entry.kind !== 'normal' && <span className="badge">{t(`speaking.kinds.${entry.kind}`)}</span>}
    </p>
  );
}
