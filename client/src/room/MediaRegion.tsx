import { useQuery } from '@tanstack/react-query';
import type { PresenceRole } from '@roundtable/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { fetchMediaStatus, roomKeys } from './api';

// LiveKit's client is large: its chunk loads only for a room that has audio/video.
const MediaPanel = lazy(() => import('./media/MediaPanel'));

interface MediaRegionProps {
  roomId: string;
  role: PresenceRole;
  floorHolderId: string | null;
}

/** The room's audio/video, or why there is none: the media client loads only when there is. */
export function MediaRegion({ roomId, role, floorHolderId }: MediaRegionProps) {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: roomKeys.media(roomId),
    queryFn: ({ signal }) => fetchMediaStatus(roomId, signal),
  });
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data.enabled) {
    return (
      <p data-testid="media-off">
        {status.data.reason === 'room_media_off' ? t('room.mediaOffRoom') : t('room.mediaNotConfigured')}
      </p>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <MediaPanel roomId={roomId} role={role} floorHolderId={floorHolderId} />
    </Suspense>
  );
}
