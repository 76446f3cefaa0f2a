import type { MediaGrants } from '@roundtable/shared';
import { useLocalParticipant } from '@livekit/components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaErrorAlert } from './MediaErrorAlert';
import { mayPublish } from './publishing';
import type { PermissionChange } from './useMediaSession';

interface MediaControlsProps {
  grants: MediaGrants;
  permissionChange: PermissionChange;
  /** A device the session could not start by itself (on joining, or when given the floor). */
  deviceError: unknown;
  onLeave: () => void;
}

/** Whether the person closed the browser's screen picker without choosing: not a failure. */
function isPickerCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotAllowedError';
}

/**
 * The viewer's own microphone, camera and screen, each offered only while the grants allow it:
 * observers, and participants waiting for the floor, see no publish control at all.
 */
export function MediaControls({ grants, permissionChange, deviceError, onLeave }: MediaControlsProps) {
  const { t } = useTranslation();
  const { localParticipant, isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } =
    useLocalParticipant();
  const [error, setError] = useState<unknown>(null);

  function run(action: Promise<unknown>, ignore: (err: unknown) => boolean = () => false) {
    setError(null);
    action.catch((err: unknown) => {
      if (!ignore(err)) setError(err);
    });
  }

  return (
    <div className="media-controls">
      <div className="actions" role="group" aria-label={t('media.controls.label')}>
        {mayPublish(grants, 'microphone') && (
          <button
            type="button"
            onClick={() => run(localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled))}
          >
            {isMicrophoneEnabled ? t('media.controls.microphoneOff') : t('media.controls.microphoneOn')}
          </button>
        )}
        {mayPublish(grants, 'camera') && (
          <button type="button" onClick={() => run(localParticipant.setCameraEnabled(!isCameraEnabled))}>
            {isCameraEnabled ? t('media.controls.cameraOff') : t('media.controls.cameraOn')}
          </button>
        )}
        {mayPublish(grants, 'screen_share') && (
          <button
            type="button"
            onClick={() =>
              run(
                localParticipant.setScreenShareEnabled(!isScreenShareEnabled, {
                  audio: mayPublish(grants, 'screen_share_audio'),
                }),
                isPickerCancelled,
              )
            }
          >
            {isScreenShareEnabled ? t('media.controls.stopSharing') : t('media.controls.shareScreen')}
          </button>
        )}
        <button type="button" onClick={onLeave}>
          {t('media.controls.leave')}
        </button>
      </div>
      {!grants.canPublish && <p data-testid="media-listening">{t('media.controls.listening')}</p>}
      {/* Always present: a live region inserted together with its text is often not read out. */}
      <p role="status" data-testid="media-permission-change">
        {permissionChange === 'granted' && t('media.controls.granted')}
        {permissionChange === 'revoked' && t('media.controls.revoked')}
      </p>
      <MediaErrorAlert error={error ?? deviceError} />
    </div>
  );
}
