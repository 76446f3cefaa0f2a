import {
  isTrackReference,
  useIsMuted,
  useIsSpeaking,
  VideoTrack,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { TileActions } from './TileActions';

interface MediaTileProps {
  tile: TrackReferenceOrPlaceholder;
  roomId: string;
  holdsFloor: boolean;
  spotlight: boolean;
  /** The viewer moderates: mute and remove on everyone else's camera tile. */
  moderator: boolean;
}

/** Up to two initials, shown when there is no picture. */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/**
 * One person's camera (or a placeholder) or one shared screen. Speaking and holding the floor are
 * written out beside the picture as well as outlined, so they never rest on colour alone.
 */
export function MediaTile({ tile, roomId, holdsFloor, spotlight, moderator }: MediaTileProps) {
  const { t } = useTranslation();
  const { participant } = tile;
  const speaking = useIsSpeaking(participant);
  const microphoneMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const videoMuted = useIsMuted(tile);
  const name = participant.name || participant.identity;
  const screen = tile.source === Track.Source.ScreenShare;
  const classes = [
    'media-tile',
    spotlight && 'media-tile-spotlight',
    speaking && 'media-tile-speaking',
    holdsFloor && 'media-tile-floor',
    participant.isLocal && !screen && 'media-tile-self',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes} data-testid="media-tile" data-identity={participant.identity}>
      {isTrackReference(tile) && !videoMuted ? (
        <VideoTrack trackRef={tile} className="media-video" aria-hidden="true" />
      ) : (
        <div className="media-placeholder" aria-hidden="true">
          {initialsOf(name)}
        </div>
      )}
      <p className="media-tile-name">
        {screen ? t('media.tiles.screenOf', { name }) : name}
        {participant.isLocal && <span className="badge">{t('media.tiles.you')}</span>}
      </p>
      {!screen && (
        <p className="media-tile-state">
          {holdsFloor && <span className="badge badge-floor">{t('media.tiles.floor')}</span>}
          {speaking && <span className="badge media-speaking">{t('media.tiles.speaking')}</span>}
          {microphoneMuted && <span className="badge">{t('media.tiles.microphoneOff')}</span>}
        </p>
      )}
      {moderator && !participant.isLocal && !screen && (
        <TileActions roomId={roomId} personId={participant.identity} name={name} />
      )}
    </li>
  );
}
