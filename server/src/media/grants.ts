import type { FloorMode, MediaGrants, MediaTrackSource } from '@roundtable/shared';
import { ParticipantPermission, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import type { EffectiveRole } from '../access/can.js';

/*
 * What each role may do in a room's LiveKit room, as one pure table. Tokens and permission
 * updates are both derived from it, so a person's token and the permission the server pushes when
 * the floor moves can never disagree.
 */

const CHAIR_SOURCES: readonly MediaTrackSource[] = [
  'microphone',
  'camera',
  'screen_share',
  'screen_share_audio',
];
const SPEAKER_SOURCES: readonly MediaTrackSource[] = ['microphone', 'camera'];

const listenOnly = (): MediaGrants => ({
  canPublish: false,
  canPublishSources: [],
  canSubscribe: true,
  canPublishData: false,
  hidden: false,
});

const publishing = (sources: readonly MediaTrackSource[]): MediaGrants => ({
  canPublish: true,
  canPublishSources: [...sources],
  canSubscribe: true,
  canPublishData: false,
  hidden: false,
});

/**
 * The grants of `role` in a room with `floorMode`. Co-chairs and organizers always publish
 * microphone, camera and screen; participants and note-takers publish microphone and camera in an
 * open room, and in a moderated room only while they hold the floor; observers never publish.
 *
 * Nobody publishes data: everything the room says to itself (hands, floor, agenda) goes through
 * our server, which authorizes it, while LiveKit's data channel would let anyone broadcast
 * anything. Nobody is hidden either: in a dialogue everyone may see who is listening.
 */
export function grantsFor(role: EffectiveRole, floorMode: FloorMode, holdsFloor: boolean): MediaGrants {
  switch (role) {
    case 'organizer':
    case 'co_chair':
      return publishing(CHAIR_SOURCES);
    case 'participant':
    case 'note_taker':
      return floorMode === 'open' || holdsFloor ? publishing(SPEAKER_SOURCES) : listenOnly();
    case 'observer':
      return listenOnly();
  }
}

/** True when holding the floor changes nothing for `role` (no permission update needed). */
export function floorIrrelevant(role: EffectiveRole, floorMode: FloorMode): boolean {
  return sameGrants(grantsFor(role, floorMode, true), grantsFor(role, floorMode, false));
}

export function sameGrants(a: MediaGrants, b: MediaGrants): boolean {
  return (
    a.canPublish === b.canPublish &&
    a.canSubscribe === b.canSubscribe &&
    a.canPublishData === b.canPublishData &&
    a.hidden === b.hidden &&
    a.canPublishSources.length === b.canPublishSources.length &&
    a.canPublishSources.every((s) => b.canPublishSources.includes(s))
  );
}

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
