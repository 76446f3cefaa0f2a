import type { PresenceEntry } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { Loading } from '../../ui/Loading';
import type { RoomAbilities } from '../abilities';
import { ChairConsole } from './ChairConsole';
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

/**
 * The speakers panel: the calling order, and the co-chairs' tools on it. The floor and its clock are
 * on the stage; one's own hand is in the control bar.
 */
export function SpeakingPanel({ roomId, eventId, myId, abilities, speaking, present }: SpeakingPanelProps) {
  const { t } = useTranslation();
  const { push, error } = speaking;
  if (!push) return error ? <ActionError error={error} /> : <Loading />;
  const { state } = push;
  return (
    <div className="speaking">
      <ActionError error={error} />
      <h3 id="speakers-heading">{t('speaking.waiting', { count: state.entries.length })}</h3>
      <p className="list-state" data-testid="list-state">
        {state.settings.open ? t('speaking.listOpen') : t('speaking.listClosed')}
        {state.settings.rotation !== 'off' && (
          <span className="badge">{t(`speaking.rotationBadge.${state.settings.rotation}`)}</span>
        )}
      </p>
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
