import type { MediaGrants } from '@roundtable/shared';
import {
  RoomAudioRenderer,
  RoomContext,
  useAudioPlayback,
  useConnectionState,
  useTracks,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { ConnectionState, Track, type Room } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { arrangeTiles } from './layout';
import { MediaControls } from './MediaControls';
import { MediaTile } from './MediaTile';
import type { PermissionChange } from './useMediaSession';

interface MediaStageProps {
  room: Room;
  roomId: string;
  grants: MediaGrants;
  floorHolderId: string | null;
  moderator: boolean;
  permissionChange: PermissionChange;
  deviceError: unknown;
  onLeave: () => void;
}

/** The room's audio and video once joined: everyone's tiles, the room's sound, and one's own controls. */
export function MediaStage({ room, roomId, floorHolderId, moderator, ...controls }: MediaStageProps) {
  return (
    <RoomContext.Provider value={room}>
      <RoomAudioRenderer />
      <ReconnectingNotice />
      <AudioUnlock />
      <MediaControls {...controls} />
      <Tiles roomId={roomId} floorHolderId={floorHolderId} moderator={moderator} />
    </RoomContext.Provider>
  );
}

/** Sources shown as tiles: a camera (or its placeholder) for everyone, and any shared screen. */
const TILE_SOURCES = [
  { source: Track.Source.Camera, withPlaceholder: true },
  { source: Track.Source.ScreenShare, withPlaceholder: false },
];

function Tiles({
  roomId,
  floorHolderId,
  moderator,
}: Pick<MediaStageProps, 'roomId' | 'floorHolderId' | 'moderator'>) {
  const { t } = useTranslation();
  const tiles = useTracks(TILE_SOURCES, { onlySubscribed: false });
  const { spotlight, others } = arrangeTiles(tiles, floorHolderId);
  const renderTile = (tile: TrackReferenceOrPlaceholder, spotlit: boolean) => (
    <MediaTile
      key={`${tile.participant.identity}/${tile.source}`}
      tile={tile}
      roomId={roomId}
      holdsFloor={tile.source === Track.Source.Camera && tile.participant.identity === floorHolderId}
      spotlight={spotlit}
      moderator={moderator}
    />
  );
  return (
    <>
      {spotlight.length > 0 && (
        <ul className="media-spotlight" aria-label={t('media.tiles.spotlight')}>
          {spotlight.map((tile) => renderTile(tile, true))}
        </ul>
      )}
      <ul className="media-tiles" aria-label={t('media.tiles.label')}>
        {others.map((tile) => renderTile(tile, false))}
      </ul>
    </>
  );
}

/** LiveKit is getting the connection back by itself (a network change, a server restart). */
function ReconnectingNotice() {
  const { t } = useTranslation();
  const connection = useConnectionState();
  const reconnecting =
    connection === ConnectionState.Reconnecting || connection === ConnectionState.SignalReconnecting;
  // Always rendered: a live region inserted together with its text is often not read out.
  return <p role="status">{reconnecting && t('media.reconnecting')}</p>;
}

/** Browsers may block sound until the page is clicked once more: offer that click when they do. */
function AudioUnlock() {
  const { t } = useTranslation();
  const { canPlayAudio, startAudio } = useAudioPlayback();
  if (canPlayAudio) return null;
  return (
    <div role="alert" className="alert">
      <p>{t('media.controls.audioBlocked')}</p>
      {/* A refusal leaves the prompt up, which is all the person needs to try again. */}
      <button
        type="button"
        onClick={() => {
          startAudio().catch(() => undefined);
        }}
      >
        {t('media.controls.startAudio')}
      </button>
    </div>
  );
}
