import type { PresenceRole } from '@roundtable/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/http';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { fetchMediaStatus, roomKeys } from '../api';
import { DeviceChoice } from './DeviceChoice';
import { useMediaErrorText } from './MediaErrorAlert';
import { MediaFailures } from './MediaFailures';
import { MediaStage } from './MediaStage';
import { useMediaChannel } from './useMediaChannel';
import { useMediaSession, type MediaSessionState } from './useMediaSession';
import './media.css';

export interface MediaPanelProps {
  roomId: string;
  /** The viewer's role: tells an observer from a participant waiting for the floor. */
  role: PresenceRole;
  /** Whoever holds the floor now, spotlighted among the tiles. */
  floorHolderId: string | null;
}

/**
 * The room's audio and video (LiveKit). This module is the lazily loaded boundary: everything of
 * LiveKit is imported from here down, so a room without media, and the rest of the app, never
 * download it. What may be published comes from the server (token grants, then
 * `media:permission`); LiveKit enforces the same grants on its side.
 */
export function MediaPanel({ roomId, role, floorHolderId }: MediaPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: roomKeys.media(roomId),
    queryFn: ({ signal }) => fetchMediaStatus(roomId, signal),
  });
  const session = useMediaSession(roomId);
  const channel = useMediaChannel(roomId, session.applyPermission);
  const { state } = session;
  const mediaTurnedOff =
    state.phase === 'failed' && state.error instanceof ApiRequestError && state.error.code === 'media_off';

  useEffect(() => {
    // Media was switched off since the page loaded: the status says why, for the whole room view.
    if (mediaTurnedOff) void queryClient.invalidateQueries({ queryKey: roomKeys.media(roomId) });
  }, [mediaTurnedOff, queryClient, roomId]);

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data.enabled) {
    return <p data-testid="media-off">{t(`media.off.${status.data.reason}`)}</p>;
  }

  const nameOf = (personId: string) =>
    state.phase === 'connected' ? state.room.getParticipantByIdentity(personId)?.name : undefined;

  return (
    <div className="media-panel" data-testid="media-panel">
      {channel.moderator && (
        <MediaFailures failures={channel.failures} nameOf={nameOf} onDismiss={channel.dismissFailure} />
      )}
      {state.phase === 'connected' && session.grants ? (
        <MediaStage
          room={state.room}
          roomId={roomId}
          grants={session.grants}
          floorHolderId={floorHolderId}
          moderator={channel.moderator}
          permissionChange={session.permissionChange}
          deviceError={session.deviceError}
          onLeave={session.leave}
        />
      ) : (
        <>
          <SessionNotice state={state} />
          <DeviceChoice
            status={status.data}
            role={role}
            joining={state.phase === 'connecting'}
            onJoin={(choices) => void session.join(choices)}
          />
        </>
      )}
    </div>
  );
}

export default MediaPanel;

/** Why the viewer is not (or no longer) in the room's audio and video. */
function SessionNotice({ state }: { state: MediaSessionState }) {
  const { t } = useTranslation();
  const errorText = useMediaErrorText();
  if (state.phase === 'ended') {
    return (
      <p role="status" data-testid="media-ended">
        {t(`media.ended.${state.reason}`)}
      </p>
    );
  }
  if (state.phase === 'failed') {
    return (
      <div role="alert" className="alert alert-error" data-testid="media-failed">
        <p>{t('media.failed')}</p>
        <p>{errorText(state.error)}</p>
      </div>
    );
  }
  return null;
}
