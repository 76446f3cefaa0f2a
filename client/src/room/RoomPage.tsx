import type { Me, RoomView } from '@roundtable/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../api/http';
import { useMe } from '../auth/useMe';
import { fetchRoom } from '../events/api';
import { ActionError } from '../realtime/ActionError';
import { ConnectionBanner } from '../realtime/ConnectionBanner';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import { roomAbilities } from './abilities';
import { roomKeys } from './api';
import { LobbyWaiting } from './lobby/LobbyWaiting';
import { useLobbyGate } from './lobby/useLobbyGate';
import { RoomLayout } from './layout/RoomLayout';
import { useAccessWithdrawn } from './useAccessWithdrawn';
import './room.css';
import { isEmptyText } from '@roundtable/shared';
import { Localized, useTextIn } from '../i18n/Localized';

/** A dialogue room for everyone it admits; a clear refusal, and nothing of the room, for the rest. */
export default function RoomPage() {
  const roomId = useParams()['roomId'] ?? '';
  const me = useMe();
  const room = useQuery({
    queryKey: roomKeys.room(roomId),
    queryFn: ({ signal }) => fetchRoom(roomId, signal),
  });

  if (room.isPending || me.isPending) return <Loading />;
  if (room.isError) {
    const status = room.error instanceof ApiRequestError ? room.error.status : 0;
    if (status === 403 || status === 404) return <NoAccess notFound={status === 404} />;
    return <ErrorAlert error={room.error} />;
  }
  if (!me.data) return <ErrorAlert error={me.error ?? new ApiRequestError(401, 'unauthenticated', '')} />;
  // Keyed by room: moving to another room starts every subscription afresh.
  return <RoomSession key={room.data.id} room={room.data} me={me.data} />;
}

function RoomSession({ room, me }: { room: RoomView; me: Me }) {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const abilities = roomAbilities(room, me.person.isOrganizer);
  const gate = useLobbyGate(room.id);
  const withdrawn = useAccessWithdrawn(room.id);

  // Admitted: the meeting itself, with its own one-line header and control bar.
  if (!withdrawn && gate.status === 'admitted')
    return <RoomLayout room={room} me={me} abilities={abilities} />;

  let content;
  if (withdrawn) {
    content = (
      <div role="alert" className="alert alert-error">
        <p>{t('room.accessWithdrawn')}</p>
      </div>
    );
  } else if (gate.status === 'pending') {
    content = gate.error ? <ActionError error={gate.error} /> : <Loading />;
  } else {
    content = <LobbyWaiting gate={gate} />;
  }

  return (
    <article className="room" aria-labelledby="room-heading">
      <PageTitle>{textIn(room.name)}</PageTitle>
      <header className="room-header">
        <p>
          <Link to={`/events/${encodeURIComponent(room.eventId)}`}>{t('room.backToEvent')}</Link>
        </p>
        <h1 id="room-heading">
          <Localized text={room.name} />
        </h1>
        <p>
          <span className="badge" data-testid="my-role">
            {t('room.yourRole', { role: t(`people.roles.${abilities.role}`) })}
          </span>
        </p>
        {!isEmptyText(room.description) && (
          <p className="description">
            <Localized text={room.description} />
          </p>
        )}
      </header>
      <ConnectionBanner />
      {content}
    </article>
  );
}

/** What someone the room does not admit sees: the refusal, and not even the room's name. */
function NoAccess({ notFound }: { notFound: boolean }) {
  const { t } = useTranslation();
  const title = notFound ? t('room.notFoundTitle') : t('room.noAccessTitle');
  return (
    <section className="narrow" aria-labelledby="no-access-heading">
      <PageTitle>{title}</PageTitle>
      <h1 id="no-access-heading">{title}</h1>
      <p>{notFound ? t('room.notFound') : t('room.noAccess')}</p>
      <p>
        <Link to="/">{t('room.toEvents')}</Link>
      </p>
    </section>
  );
}
