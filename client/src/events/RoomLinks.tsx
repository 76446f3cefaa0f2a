import type { RoomView } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePresenceCounts } from './usePresenceCounts';
import { isEmptyText } from '@roundtable/shared';
import { Localized } from '../i18n/Localized';

/** The rooms of an event the viewer may enter; the others are not even named. */
export function RoomLinks({ rooms }: { rooms: readonly RoomView[] }) {
  const { t } = useTranslation();
  const enterable = rooms.filter((room) => room.canEnter).sort((a, b) => a.position - b.position);
  const counts = usePresenceCounts(enterable[0]?.eventId ?? null);
  if (enterable.length === 0) return <p>{t('eventPage.noRooms')}</p>;
  return (
    <ul className="room-links">
      {enterable.map((room) => (
        <li key={room.id}>
          <Link to={`/rooms/${encodeURIComponent(room.id)}`}>
            <Localized text={room.name} />
          </Link>
          {room.myRole && <span className="badge">{t(`roles.${room.myRole}`)}</span>}
          {counts.has(room.id) && (
            <span className="muted" data-testid="room-presence">
              {' '}
              {t('room.presentCount', { count: counts.get(room.id)?.people ?? 0 })}
            </span>
          )}
          {!isEmptyText(room.description) && (
            <p className="muted">
              <Localized text={room.description} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
