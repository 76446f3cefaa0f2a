import type { MediaGrants } from '@roundtable/shared';
import { useLocalParticipant } from '@livekit/components-react';
import { Mic, MicOff, MonitorUp, MonitorX, Video, VideoOff } from 'lucide-react';
import { useContext, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Tip } from '../../ui/Tooltip';
import { MediaBarSlot } from '../layout/roomContext';
import { SHORTCUTS, shortcutLabel, useShortcut } from '../layout/shortcuts';
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

  const slot = useContext(MediaBarSlot);
  const mayMic = mayPublish(grants, 'microphone');
  const mayCamera = mayPublish(grants, 'camera');
  const toggleMic = () => run(localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled));
  const toggleCamera = () => run(localParticipant.setCameraEnabled(!isCameraEnabled));
  useShortcut(mayMic ? SHORTCUTS.microphone : undefined, toggleMic);
  useShortcut(mayCamera ? SHORTCUTS.camera : undefined, toggleCamera);

  const buttons = (
    <>
      {mayMic && (
        <BarButton
          label={isMicrophoneEnabled ? t('media.controls.microphoneOff') : t('media.controls.microphoneOn')}
          caption={t('layout.media.microphone')}
          shortcut={shortcutLabel(SHORTCUTS.microphone)}
          on={isMicrophoneEnabled}
          icon={
            isMicrophoneEnabled ? (
              <Mic aria-hidden="true" size={22} />
            ) : (
              <MicOff aria-hidden="true" size={22} />
            )
          }
          onClick={toggleMic}
        />
      )}
      {mayCamera && (
        <BarButton
          label={isCameraEnabled ? t('media.controls.cameraOff') : t('media.controls.cameraOn')}
          caption={t('layout.media.camera')}
          shortcut={shortcutLabel(SHORTCUTS.camera)}
          on={isCameraEnabled}
          icon={
            isCameraEnabled ? (
              <Video aria-hidden="true" size={22} />
            ) : (
              <VideoOff aria-hidden="true" size={22} />
            )
          }
          onClick={toggleCamera}
        />
      )}
      {mayPublish(grants, 'screen_share') && (
        <BarButton
          label={isScreenShareEnabled ? t('media.controls.stopSharing') : t('media.controls.shareScreen')}
          caption={t('layout.media.screen')}
          on={isScreenShareEnabled}
          icon={
            isScreenShareEnabled ? (
              <MonitorX aria-hidden="true" size={22} />
            ) : (
              <MonitorUp aria-hidden="true" size={22} />
            )
          }
          onClick={() =>
            run(
              localParticipant.setScreenShareEnabled(!isScreenShareEnabled, {
                audio: mayPublish(grants, 'screen_share_audio'),
              }),
              isPickerCancelled,
            )
          }
        />
      )}
    </>
  );

  return (
    <div className="media-controls">
      {/* In the room's control bar when there is one; in place otherwise. */}
      {slot ? (
        createPortal(buttons, slot)
      ) : (
        <div className="actions" role="group" aria-label={t('media.controls.label')}>
          {buttons}
        </div>
      )}
      <div className="actions">
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

interface BarButtonProps {
  label: string;
  caption: string;
  shortcut?: string;
  on: boolean;
  icon: ReactNode;
  onClick: () => void;
}

/** A control-bar button: an icon and a short caption, the full action as its name and tooltip. */
function BarButton({ label, caption, shortcut, on, icon, onClick }: BarButtonProps) {
  return (
    <Tip label={label} shortcut={shortcut}>
      <button
        type="button"
        className={on ? 'bar-button bar-button-on' : 'bar-button'}
        aria-label={label}
        onClick={onClick}
      >
        {icon}
        <span className="bar-label" aria-hidden="true">
          {caption}
        </span>
      </button>
    </Tip>
  );
}
