import type { MediaGrants, MediaTrackSource } from '@roundtable/shared';
import { ParticipantPermission, TrackSource, type VideoGrant } from 'livekit-server-sdk';

/*
 * LiveKit's shapes of our grants. What each role may publish is the rule book's
 * (`mediaGrantsFor` in shared/src/access): tokens and permission updates both come from it.
 */

export { floorIrrelevant, mediaGrantsFor as grantsFor, sameGrants } from '@roundtable/shared';

const listenOnly = (): MediaGrants => ({
  canPublish: false,
  canPublishSources: [],
  canSubscribe: true,
  canPublishData: false,
  hidden: false,
});

const TO_TRACK_SOURCE: Record<MediaTrackSource, TrackSource> = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

/** Maps a LiveKit track source back to ours; null for `UNKNOWN`. */
export function fromTrackSource(source: TrackSource): MediaTrackSource | null {
  for (const [name, value] of Object.entries(TO_TRACK_SOURCE)) {
    if (value === source) return name as MediaTrackSource;
  }
  return null;
}

export function toTrackSource(source: MediaTrackSource): TrackSource {
  return TO_TRACK_SOURCE[source];
}

/**
 * The join grant of a token. Every permission is written out: LiveKit reads an unset `canPublish`
 * or `canSubscribe` as true, so an observer's token must say `canPublish: false` in so many words.
 */
export function toVideoGrant(roomName: string, grants: MediaGrants): VideoGrant {
  return {
    roomJoin: true,
    room: roomName,
    canPublish: grants.canPublish,
    canPublishSources: grants.canPublishSources.map(toTrackSource),
    canSubscribe: grants.canSubscribe,
    canPublishData: grants.canPublishData,
    canUpdateOwnMetadata: false,
    hidden: grants.hidden,
  };
}

/**
 * The whole permission object for `UpdateParticipant`. LiveKit replaces the participant's
 * permission with it and reads every omitted field as false (canSubscribe included), so every
 * field is set here, never a partial object.
 */
export function toParticipantPermission(grants: MediaGrants): ParticipantPermission {
  return new ParticipantPermission({
    canSubscribe: grants.canSubscribe,
    canPublish: grants.canPublish,
    canPublishData: grants.canPublishData,
    canPublishSources: grants.canPublishSources.map(toTrackSource),
    hidden: grants.hidden,
    recorder: false,
    canUpdateMetadata: false,
    agent: false,
    canSubscribeMetrics: false,
    canManageAgentSession: false,
  });
}

/** Reads a participant's current LiveKit permission back into our shape (for reconciling). */
export function fromParticipantPermission(permission: ParticipantPermission | undefined): MediaGrants {
  if (!permission) return listenOnly();
  return {
    canPublish: permission.canPublish,
    canPublishSources: permission.canPublishSources
      .map(fromTrackSource)
      .filter((s): s is MediaTrackSource => s !== null),
    canSubscribe: permission.canSubscribe,
    canPublishData: permission.canPublishData,
    hidden: permission.hidden,
  };
}

const ROOM_PREFIX = 'roundtable-';

/** The LiveKit room of one of our rooms: stable, so every instance and token agree on it. */
export function liveKitRoomName(roomId: string): string {
  return `${ROOM_PREFIX}${roomId}`;
}

/** Our room id of a LiveKit room name, or null for rooms that are not ours. */
export function roomIdOfLiveKitRoom(name: string): string | null {
  return name.startsWith(ROOM_PREFIX) && name.length > ROOM_PREFIX.length
    ? name.slice(ROOM_PREFIX.length)
    : null;
}
