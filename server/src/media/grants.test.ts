import type { FloorMode, MediaGrants, Room } from '@roundtable/shared';
import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { canInRoom, type Actor, type EffectiveRole } from '@roundtable/shared';
import { grantsFor, liveKitRoomName, roomIdOfLiveKitRoom, toParticipantPermission } from './grants.js';
import type { LiveKit } from './livekit.js';
import { issueJoinToken } from './token.js';

const base = { canSubscribe: true, canPublishData: false, hidden: false };
const chair: MediaGrants = {
  ...base,
  canPublish: true,
  canPublishSources: ['microphone', 'camera', 'screen_share', 'screen_share_audio'],
};
const speaker: MediaGrants = { ...base, canPublish: true, canPublishSources: ['microphone', 'camera'] };
const listener: MediaGrants = { ...base, canPublish: false, canPublishSources: [] };

const TABLE: Array<[EffectiveRole, FloorMode, boolean, MediaGrants]> = [
  ['organizer', 'moderated', false, chair],
  ['organizer', 'open', false, chair],
  ['co_chair', 'moderated', false, chair],
  ['co_chair', 'moderated', true, chair],
  ['co_chair', 'open', false, chair],
  ['participant', 'open', false, speaker],
  ['participant', 'moderated', false, listener],
  ['participant', 'moderated', true, speaker],
  ['note_taker', 'open', false, speaker],
  ['note_taker', 'moderated', false, listener],
  ['note_taker', 'moderated', true, speaker],
  ['observer', 'open', false, listener],
  ['observer', 'moderated', false, listener],
  ['observer', 'moderated', true, listener],
];

const liveKit = {
  url: 'ws://livekit.test:7880',
  apiKey: 'devkey',
  apiSecret: 'secret-of-at-least-32-characters!',
} as LiveKit;

describe('grantsFor', () => {
  it.each(TABLE)(
    'gives a %s in a %s room (floor held: %s) exactly its grants',
    (role, mode, holds, expected) => {
      expect(grantsFor(role, mode, holds)).toEqual(expected);
    },
  );

  it.each(TABLE)(
    'agrees with the rule book on whether a %s in a %s room (floor: %s) may publish',
    (role, mode, holds) => {
      const room = { id: 'r1', eventId: 'e1', floorMode: mode, access: { mode: 'event' } } as Room;
      const actor: Actor = {
        personId: 'p1',
        isOrganizer: role === 'organizer',
        memberships: new Map([['e1', null]]),
        roomRoles: new Map(role === 'organizer' ? [] : [['r1', role]]),
      };
      expect(grantsFor(role, mode, holds).canPublish).toBe(
        canInRoom(actor, 'media:publish', room, { admission: 'admitted', holdsFloor: holds }),
      );
    },
  );
});

describe('join tokens', () => {
  const verifier = new TokenVerifier(liveKit.apiKey, liveKit.apiSecret);

  it.each(TABLE)(
    'carry exactly the grants of a %s in a %s room (floor held: %s)',
    async (role, mode, holds, expected) => {
      const issued = await issueJoinToken(
        liveKit,
        {
          roomId: 'room-1',
          personId: 'person-1',
          name: 'Aiko Tanaka',
          attributes: { role },
          grants: grantsFor(role, mode, holds),
        },
        Date.now(),
      );
      const claims = await verifier.verify(issued.token);
      expect(claims.sub).toBe('person-1');
      expect(claims.name).toBe('Aiko Tanaka');
      expect(claims.attributes).toEqual({ role });
      // Written out in full: LiveKit reads an unset canPublish or canSubscribe as true.
      expect(claims.video).toEqual({
        roomJoin: true,
        room: 'roundtable-room-1',
        canPublish: expected.canPublish,
        canPublishSources: expected.canPublishSources,
        canSubscribe: true,
        canPublishData: false,
        canUpdateOwnMetadata: false,
        hidden: false,
      });
    },
  );

  it('expire ten minutes after they are issued', async () => {
    const now = Date.now();
    const issued = await issueJoinToken(
      liveKit,
      { roomId: 'r', personId: 'p', name: 'P', attributes: { role: 'participant' }, grants: listener },
      now,
    );
    const claims = await verifier.verify(issued.token);
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(600);
    expect(Date.parse(issued.expiresAt)).toBe(now + 600_000);
  });

  it('carry side, delegation and category attributes and leave out absent ones', async () => {
    const issued = await issueJoinToken(
      liveKit,
      {
        roomId: 'r',
        personId: 'p',
        name: 'P',
        attributes: {
          role: 'participant',
          side: 'Japan',
          delegation: 'Japan — Government',
          category: 'government',
        },
        grants: listener,
      },
      Date.now(),
    );
    expect((await verifier.verify(issued.token)).attributes).toEqual({
      role: 'participant',
      side: 'Japan',
      delegation: 'Japan — Government',
      category: 'government',
    });
  });
});

describe('permission updates', () => {
  it('set every field of the permission object, so nothing falls back to false by omission', () => {
    const json = toParticipantPermission(listener).toJson({ emitDefaultValues: true }) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ canSubscribe: true, canPublish: false, canPublishSources: [] });
    const granted = toParticipantPermission(speaker).toJson() as Record<string, unknown>;
    expect(granted).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['MICROPHONE', 'CAMERA'],
    });
  });
});

describe('LiveKit room names', () => {
  it('map our rooms one to one and ignore rooms that are not ours', () => {
    expect(roomIdOfLiveKitRoom(liveKitRoomName('abc'))).toBe('abc');
    expect(roomIdOfLiveKitRoom('someone-elses-room')).toBeNull();
    expect(roomIdOfLiveKitRoom('roundtable-')).toBeNull();
  });
});
