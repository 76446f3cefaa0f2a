import type { PresenceEntry } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { Loading } from '../../ui/Loading';
import type { RoomAbilities } from '../abilities';
import { ChairConsole } from './ChairConsole';
import { FloorStatus } from './FloorStatus';
import { HandControls } from './HandControls';
import { SpeakersList } from './SpeakersList';
import type { SpeakingView } from './useSpeaking';

interface SpeakingPanelProps {
  roomId: string;
  eventId: string;
  myId: string;
  abilities: RoomAbilities;
  speaking: SpeakingView;
  present: readonly PresenceEntry[];
}

/** The speaking order: the floor and its clock, one's own hand, the list, and the chairs' console. */
export function SpeakingPanel({ roomId, eventId, myId, abilities, speaking, present }: SpeakingPanelProps) {
  const { t } = useTranslation();
  const { push, error, timeUp } = speaking;
  if (!push) return error ? <ActionError error={error} /> : <Loading />;
  const { state } = push;
  return (
    <div className="speaking">
      <ActionError error={error} />
      <FloorStatus
        roomId={roomId}
        floor={state.floor}
        myId={myId}
        moderate={abilities.moderate}
        timeUp={timeUp}
        hasWaiting={state.entries.length > 0}
      />
      <h3 id="speakers-heading">{t('speaking.waiting', { count: state.entries.length })}</h3>
      <p className="list-state" data-testid="list-state">
        {state.settings.open ? t('speaking.listOpen') : t('speaking.listClosed')}
        {state.settings.rotation !== 'off' && (
          <span className="badge">{t(`speaking.rotationBadge.${state.settings.rotation}`)}</span>
        )}
      </p>
      {abilities.speak && <HandControls roomId={roomId} state={state} myId={myId} />}
      <SpeakersList roomId={roomId} state={state} myId={myId} moderate={abilities.moderate} />
      {abilities.moderate && (
        <ChairConsole
          roomId={roomId}
          eventId={eventId}
          push={push}
          present={present}
          isOrganizer={abilities.role === 'organizer'}
        />
      )}
    </div>
  );
}
