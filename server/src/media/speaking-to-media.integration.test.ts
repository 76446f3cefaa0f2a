import { MediaEvents, PresenceEvents, SpeakingEvents } from '@roundtable/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { presenceOf } from '../presence/module.js';
import { collect, connectAs, disconnectAll } from '../presence/testing.js';
import { call } from '../speaking/test-helpers.js';
import { liveKitRoomName } from './grants.js';
import { joinLiveKit, seedDialogue, startMediaApp, type Dialogue, type MediaApp } from './testing.js';

/*
 * The whole chain with the real speaking and presence modules: a co-chair gives the floor over
 * Socket.IO → UpdateParticipant reaches the LiveKit stand-in with the full permission object →
 * the speaker publishes → LiveKit's track_published webhook → presence shows them in the media.
 */

const ok = async (...args: Parameters<typeof call>): Promise<void> => {
  const ack = await call(...args);
  if (!ack.ok) throw new Error(`${args[1]} refused: ${ack.error.code} ${ack.error.message}`);
};

describe('from the speaking order to LiveKit and back to presence', () => {
  let mediaApp: MediaApp;
  let dialogue: Dialogue;

  beforeAll(async () => {
    mediaApp = await startMediaApp({ redisPrefix: true });
    dialogue = await seedDialogue(mediaApp.testApp);
  });
  afterAll(() => mediaApp.close());
  afterEach(() => disconnectAll());

  it('lets the speaker publish while they hold the floor, and shows them in the media room', async () => {
    const roomId = dialogue.room.id;
    const roomName = liveKitRoomName(roomId);
    const updates = () =>
      mediaApp.standIn.calls.filter(
        (c) => c.method === 'UpdateParticipant' && c.body['identity'] === dialogue.participant,
      );
    const chair = await connectAs(mediaApp.testApp, dialogue.coChair);
    const speaker = await connectAs(mediaApp.testApp, dialogue.participant);
    const permissions = collect(speaker, MediaEvents.Permission);
    await ok(speaker, PresenceEvents.Join, { roomId });
    await ok(speaker, MediaEvents.Subscribe, { roomId });
    await ok(chair, SpeakingEvents.Subscribe, { roomId });

    // The join webhook is lost: only the track event will tell presence.
    await joinLiveKit(mediaApp, roomId, dialogue.participant, { silently: true });
    await expect(mediaApp.standIn.publish(roomName, dialogue.participant, 'microphone')).rejects.toThrow();

    await ok(speaker, SpeakingEvents.RaiseHand, { roomId });
    await ok(chair, SpeakingEvents.GiveFloor, { roomId });
    await vi.waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]?.body['permission']).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['MICROPHONE', 'CAMERA'],
    });
    await vi.waitFor(() => expect(permissions).toContainEqual(expect.objectContaining({ canPublish: true })));

    await mediaApp.standIn.publish(roomName, dialogue.participant, 'microphone');
    const presence = presenceOf(mediaApp.testApp.app.context.modules);
    await vi.waitFor(async () => {
      const list = await presence?.listRoomPresence(roomId);
      expect(list?.entries.find((e) => e.personId === dialogue.participant)?.inMedia).toBe(true);
    });

    await ok(chair, SpeakingEvents.EndTurn, { roomId });
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    expect(updates()[1]?.body['permission']).toEqual({ canSubscribe: true });
    expect(mediaApp.standIn.participant(roomName, dialogue.participant)?.tracks).toEqual([]);
    await vi.waitFor(() => expect(permissions.at(-1)).toMatchObject({ canPublish: false }));
  });
});
