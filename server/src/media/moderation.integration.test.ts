import { MediaEvents } from '@roundtable/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collect, connectAs, disconnectAll } from '../presence/testing.js';
import { call } from '../speaking/test-helpers.js';
import { liveKitRoomName } from './grants.js';
import { joinLiveKit, seedDialogue, startMediaHarness, type Dialogue, type MediaHarness } from './testing.js';

describe('co-chairs moderating the media room', () => {
  let harness: MediaHarness;
  let dialogue: Dialogue;
  let roomName: string;
  const join = (personId: string) => joinLiveKit(harness, dialogue.room.id, personId);

  beforeAll(async () => {
    harness = await startMediaHarness();
    dialogue = await seedDialogue(harness.testApp, 'open');
    roomName = liveKitRoomName(dialogue.room.id);
  });
  afterAll(() => harness.close());
  afterEach(() => disconnectAll());

  it("lets a co-chair mute a participant's microphone and logs it", async () => {
    await join(dialogue.participant);
    const microphone = await harness.standIn.publish(roomName, dialogue.participant, 'microphone');
    const camera = await harness.standIn.publish(roomName, dialogue.participant, 'camera');
    const chair = await connectAs(harness.testApp, dialogue.coChair);
    const ack = await call(chair, MediaEvents.Mute, {
      roomId: dialogue.room.id,
      personId: dialogue.participant,
    });
    expect(ack).toEqual({ ok: true, data: { muted: 1 } });
    const tracks = harness.standIn.participant(roomName, dialogue.participant)?.tracks ?? [];
    expect(tracks.find((t) => t.sid === microphone.sid)?.muted).toBe(true);
    expect(tracks.find((t) => t.sid === camera.sid)?.muted).toBe(false);
    const logged = await harness.testApp.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('room_id', '=', dialogue.room.id)
      .execute();
    expect(logged).toContainEqual(
      expect.objectContaining({
        action: 'media:mute',
        actor_id: dialogue.coChair,
        target_id: dialogue.participant,
      }),
    );
  });

  it('refuses mute and removal to anyone who does not moderate the room', async () => {
    const participant = await connectAs(harness.testApp, dialogue.otherParticipant);
    const payload = { roomId: dialogue.room.id, personId: dialogue.participant };
    expect(await call(participant, MediaEvents.Mute, payload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(participant, MediaEvents.Remove, payload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const outsider = await connectAs(harness.testApp, dialogue.outsider);
    expect(await call(outsider, MediaEvents.Subscribe, { roomId: dialogue.room.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(harness.standIn.participant(roomName, dialogue.participant)).toBeDefined();
  });

  it('lets a co-chair remove a participant from the media room', async () => {
    const chair = await connectAs(harness.testApp, dialogue.coChair);
    const ack = await call(chair, MediaEvents.Remove, {
      roomId: dialogue.room.id,
      personId: dialogue.participant,
    });
    expect(ack).toEqual({ ok: true, data: null });
    expect(harness.standIn.participant(roomName, dialogue.participant)).toBeUndefined();
  });

  it('tells the co-chair when the person is not in the media room', async () => {
    const chair = await connectAs(harness.testApp, dialogue.coChair);
    const ack = await call(chair, MediaEvents.Remove, {
      roomId: dialogue.room.id,
      personId: dialogue.observer,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_in_media' } });
  });

  it('reports a removal LiveKit keeps failing to every co-chair of the room', async () => {
    await join(dialogue.otherParticipant);
    const chair = await connectAs(harness.testApp, dialogue.coChair);
    await call(chair, MediaEvents.Subscribe, { roomId: dialogue.room.id });
    const errors = collect(chair, MediaEvents.Error);
    harness.standIn.failNext('RemoveParticipant', 10, 500, 'internal');
    const ack = await call(chair, MediaEvents.Remove, {
      roomId: dialogue.room.id,
      personId: dialogue.otherParticipant,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'livekit_failed' } });
    expect(errors).toEqual([expect.objectContaining({ operation: 'remove', code: 'internal', attempts: 4 })]);
    harness.standIn.failNext('RemoveParticipant', 0);
  });
});
