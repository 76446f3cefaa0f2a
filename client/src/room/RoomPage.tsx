import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchRoom } from '../events/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';

/** The regions of a dialogue room, in reading order; each becomes a labelled landmark. */
const REGIONS = ['agenda', 'speaking', 'minutes', 'people', 'media'] as const;

/**
 * A dialogue room. For now the structure only: one labelled region per part of the room, so the
 * agenda, speaking order, minutes, presence and media can each be filled in where they belong.
 */
export default function RoomPage() {
  const { t } = useTranslation();
  const roomId = useParams()['roomId'] ?? '';
  const room = useQuery({ queryKey: ['rooms', roomId], queryFn: ({ signal }) => fetchRoom(roomId, signal) });

  if (room.isPending) return <Loading />;
  if (room.isError) return <ErrorAlert error={room.error} />;

  return (
    <article className="room" aria-labelledby="room-heading">
      <PageTitle>{room.data.name}</PageTitle>
      <header>
        <p>
          <Link to={`/events/${encodeURIComponent(room.data.eventId)}`}>{t('room.backToEvent')}</Link>
        </p>
        <h1 id="room-heading">{room.data.name}</h1>
        {room.data.description && <p className="description">{room.data.description}</p>}
      </header>
      <div className="room-grid">
        {REGIONS.map((region) => (
          <section
            key={region}
            className={`room-region room-${region}`}
            aria-labelledby={`room-${region}-heading`}
          >
            <h2 id={`room-${region}-heading`}>{t(`room.${region}`)}</h2>
          </section>
        ))}
      </div>
    </article>
  );
}
