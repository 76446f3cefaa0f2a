import { createLocalVideoTrack, VideoPresets, type LocalVideoTrack } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the chosen camera shows, before joining. Key it by device: a new choice mounts a new
 * preview. The track stops when the form goes away, since the room connection opens its own.
 */
export function CameraPreview({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    let track: LocalVideoTrack | null = null;
    createLocalVideoTrack({ deviceId: deviceId || undefined, resolution: VideoPresets.h360.resolution })
      .then((created) => {
        if (!active) {
          created.stop();
          return;
        }
        track = created;
        if (video.current) created.attach(video.current);
      })
      .catch(() => {
        if (active) setFailed(true);
      });
    return () => {
      active = false;
      track?.stop();
    };
  }, [deviceId]);

  if (failed) return <p className="muted">{t('media.prejoin.previewFailed')}</p>;
  return (
    <video ref={video} className="media-preview" muted playsInline aria-label={t('media.prejoin.preview')} />
  );
}
