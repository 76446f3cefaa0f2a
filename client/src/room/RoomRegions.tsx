import type { Me, RoomView } from '@roundtable/shared';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/Loading';
import type { RoomAbilities } from './abilities';
import { AgendaPanel } from './agenda/AgendaPanel';
import { ChatPanel } from './chat/ChatPanel';
import { PollsPanel } from './chat/PollsPanel';
import { Reactions } from './chat/Reactions';
import { LobbyPanel } from './lobby/LobbyPanel';
import { MediaRegion } from './MediaRegion';
import { PeoplePanel } from './people/PeoplePanel';
import { usePresence } from './people/usePresence';
import { SpeakingPanel } from './speaking/SpeakingPanel';
import { useSpeaking } from './speaking/useSpeaking';

// The editor is the heaviest part of the room: its chunk loads after the rest is on screen.
const MinutesPanel = lazy(() => import('./minutes/MinutesPanel'));
// Status, approvals, versions and attendance of the minutes: loaded with the editor.
const MinutesWorkflow = lazy(() => import('../reports/MinutesWorkflow'));

type RegionName = 'agenda' | 'speaking' | 'minutes' | 'people' | 'media' | 'chat' | 'polls';

/** One labelled landmark per part of the room. */
function Region({ name, children }: { name: RegionName; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className={`room-region room-${name}`} aria-labelledby={`room-${name}-heading`}>
      <h2 id={`room-${name}-heading`}>{t(`room.${name}`)}</h2>
      {children}
    </section>
  );
}

interface RoomRegionsProps {
  room: RoomView;
  me: Me;
  abilities: RoomAbilities;
}

/**
 * The room once admitted. The speaking order and presence are read here, once, because several
 * panels show them (hands and the floor beside each person; present people to add on behalf).
 */
export function RoomRegions({ room, me, abilities }: RoomRegionsProps) {
  const speaking = useSpeaking(room.id);
  const presence = usePresence(room.id);
  const myId = me.person.id;
  return (
    <div className="room-grid">
      <Region name="agenda">
        <AgendaPanel roomId={room.id} moderate={abilities.moderate} />
      </Region>
      <Region name="speaking">
        <SpeakingPanel
          roomId={room.id}
          eventId={room.eventId}
          myId={myId}
          abilities={abilities}
          speaking={speaking}
          present={presence.people ?? []}
        />
      </Region>
      <Region name="chat">
        <Reactions roomId={room.id} abilities={abilities} />
        <ChatPanel roomId={room.id} myId={myId} abilities={abilities} />
      </Region>
      <Region name="polls">
        <PollsPanel roomId={room.id} abilities={abilities} />
      </Region>
      <Region name="minutes">
        <Suspense fallback={<Loading />}>
          <MinutesWorkflow roomId={room.id} eventId={room.eventId} />
          <MinutesPanel roomId={room.id} canWrite={abilities.writeMinutes} />
        </Suspense>
      </Region>
      <Region name="people">
        {abilities.moderate && <LobbyPanel roomId={room.id} lobbyEnabled={room.lobbyEnabled} />}
        <PeoplePanel
          roomId={room.id}
          myId={myId}
          presence={presence}
          speaking={speaking.push?.state ?? null}
          moderate={abilities.moderate}
        />
      </Region>
      <Region name="media">
        <MediaRegion
          roomId={room.id}
          role={abilities.role}
          floorHolderId={speaking.push?.state.floor?.personId ?? null}
        />
      </Region>
    </div>
  );
}
