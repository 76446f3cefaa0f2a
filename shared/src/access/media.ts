import type { FloorMode } from '../domain/events.js';
import type { MediaGrants, MediaTrackSource } from '../api/media.js';
import { roleMayInRoom, type EffectiveRole } from './rules.js';

const CHAIR_SOURCES: readonly MediaTrackSource[] = [
  'microphone',
  'camera',
  'screen_share',
  'screen_share_audio',
];
const SPEAKER_SOURCES: readonly MediaTrackSource[] = ['microphone', 'camera'];

/**
 * What `role` may do in a room's LiveKit room, read off the rule book (`media:publish`,
 * `media:share-screen`). Tokens and permission updates are both derived from it, so a token and
 * the permission pushed when the floor moves never disagree. Only admitted people get grants at
 * all (the guard refuses the rest a token and removes them from LiveKit).
 *
 * Nobody publishes data: everything the room says to itself (hands, floor, agenda) goes through
 * our server, which authorizes it, while LiveKit's data channel would let anyone broadcast
 * anything. Nobody is hidden either: in a dialogue everyone may see who is listening.
 */
export function mediaGrantsFor(role: EffectiveRole, floorMode: FloorMode, holdsFloor: boolean): MediaGrants {
  const rules = { floorMode, hideDraftMinutes: false };
  const facts = { admission: 'admitted' as const, holdsFloor };
  if (!roleMayInRoom(role, 'media:publish', rules, facts)) {
    return {
      canPublish: false,
      canPublishSources: [],
      canSubscribe: true,
      canPublishData: false,
      hidden: false,
    };
  }
  const sources = roleMayInRoom(role, 'media:share-screen', rules, facts) ? CHAIR_SOURCES : SPEAKER_SOURCES;
  return {
    canPublish: true,
    canPublishSources: [...sources],
    canSubscribe: true,
    canPublishData: false,
    hidden: false,
  };
}

/** True when holding the floor changes nothing for `role` (no permission update needed). */
export function floorIrrelevant(role: EffectiveRole, floorMode: FloorMode): boolean {
  return sameGrants(mediaGrantsFor(role, floorMode, true), mediaGrantsFor(role, floorMode, false));
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
