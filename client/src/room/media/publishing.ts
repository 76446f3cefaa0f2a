import type { MediaGrants, MediaTrackSource } from '@roundtable/shared';
import { ParticipantEvent, type LocalParticipant, type LocalTrack } from 'livekit-client';

/** How long a granted floor may take to reach this client through LiveKit before we give up. */
const PERMISSION_WAIT_MS = 10_000;

/** The part of the grants the floor moves (`media:permission`). */
export type PublishGrants = Pick<MediaGrants, 'canPublish' | 'canPublishSources'>;

/** Whether the grants let this person publish `source` (our names are LiveKit's `Track.Source`). */
export function mayPublish(grants: PublishGrants, source: MediaTrackSource): boolean {
  return grants.canPublish && grants.canPublishSources.includes(source);
}

/**
 * Resolves once LiveKit itself lets the participant publish. Our server announces a grant only
 * after LiveKit accepted it, but LiveKit's own update may reach this browser a moment later, and
 * until then livekit-client refuses to publish (a 403 `PublishTrackError`).
 */
function publishAllowed(participant: LocalParticipant, signal: AbortSignal): Promise<void> {
  if (participant.permissions?.canPublish) return Promise.resolve();
  if (signal.aborted) return Promise.reject(new DOMException('Left audio and video.', 'AbortError'));
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      participant.off(ParticipantEvent.ParticipantPermissionsChanged, handleChange);
      signal.removeEventListener('abort', handleAbort);
      if (error) reject(error);
      else resolve();
    };
    const handleChange = () => {
      if (participant.permissions?.canPublish) finish();
    };
    const handleAbort = () => finish(new DOMException('Left audio and video.', 'AbortError'));
    const timer = setTimeout(
      () => finish(new Error('LiveKit did not allow publishing in time.')),
      PERMISSION_WAIT_MS,
    );
    participant.on(ParticipantEvent.ParticipantPermissionsChanged, handleChange);
    signal.addEventListener('abort', handleAbort);
  });
}

/**
 * Turns the microphone on when the floor is granted: LiveKit does not republish by itself, and
 * being given the floor means "speak now".
 */
export async function enableMicrophoneWhenAllowed(
  participant: LocalParticipant,
  signal: AbortSignal,
): Promise<void> {
  await publishAllowed(participant, signal);
  await participant.setMicrophoneEnabled(true);
}

/**
 * Stops and unpublishes, at once, every track the new grants no longer allow. LiveKit unpublishes
 * them as well, but the microphone must not stay live (nor its light on) until that round trip ends.
 */
export async function stopDisallowedTracks(
  participant: LocalParticipant,
  grants: PublishGrants,
): Promise<void> {
  const tracks: LocalTrack[] = [];
  for (const publication of participant.trackPublications.values()) {
    const allowed =
      grants.canPublish && (grants.canPublishSources as readonly string[]).includes(publication.source);
    if (!allowed && publication.track) tracks.push(publication.track);
  }
  // LiveKit may already have unpublished a track: that refusal changes nothing, so it is dropped.
  await Promise.all(tracks.map((track) => participant.unpublishTrack(track, true).catch(() => undefined)));
}
