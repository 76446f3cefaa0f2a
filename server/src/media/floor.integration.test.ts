import { MediaEvents, MediaTokenSchema } from '@roundtable/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { collect, connectAs, disconnectAll } from '../presence/testing.js';
import { call } from '../speaking/test-helpers.js';
import { liveKitRoomName } from './grants.js';
import {
  fetchJoinToken,
  joinLiveKit,
  seedDialogue,
  startMediaHarness,
  type Dialogue,
  type MediaHarness,
} from './testing.js';

/*
 * The floor wired to publish rights, end to end: a floor change → UpdateParticipant on the
 * LiveKit stand-in with the full permission object → the client publishes → track_published
 * webhook → media presence. The floor comes from a fake of the speaking module's `onFloorChange`.
 */

describe.each([
  { backend: 'single instance', redisPrefix: undefined },
  { backend: 'Redis', redisPrefix: true as const },
])('the floor moves publish rights ($backend)', ({ redisPrefix }) => {
  let harness: MediaHarness;
  let dialogue: Dialogue;
  let roomName: string;

  const join = (personId: string) => joinLiveKit(harness, dialogue.room.id, personId);
  const updatesFor = (identity: string) =>
    harness.standIn.calls.filter((c) => c.method === 'UpdateParticipant' && c.body['identity'] === identity);

  beforeAll(async () => {
    harness = await startMediaHarness(redisPrefix ? { redisPrefix } : {});
  });
  afterAll(() => harness.close());
  afterEach(() => disconnectAll());

  it('grants the floor holder microphone and camera, then revokes them at the end of the turn', async () => {
    dialogue = await seedDialogue(harness.testApp);
    roomName = liveKitRoomName(dialogue.room.id);
    const socket = await connectAs(harness.testApp, dialogue.participant);
    const permissions = collect(socket, MediaEvents.Permission);
    expect(await call(socket, MediaEvents.Subscribe, { roomId: dialogue.room.id })).toEqual({
      ok: true,
      data: { moderator: false },
    });

    // Joined before webhooks reach us: only the track event will tell presence.
    await joinLiveKit(harness, dialogue.room.id, dialogue.participant, { silently: true });
    await expect(harness.standIn.publish(roomName, dialogue.participant, 'microphone')).rejects.toThrow();

    harness.floor.give(dialogue.room.id, dialogue.participant);
    await harness.media.idle();
    expect(updatesFor(dialogue.participant)).toHaveLength(1);
    // The whole object, canSubscribe included: LiveKit reads every omitted field as false.
    expect(updatesFor(dialogue.participant)[0]?.body['permission']).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['MICROPHONE', 'CAMERA'],
    });
    await vi.waitFor(() =>
      expect(permissions).toContainEqual({
        roomId: dialogue.room.id,
        personId: dialogue.participant,
        canPublish: true,
        canPublishSources: ['microphone', 'camera'],
      }),
    );

    await harness.standIn.publish(roomName, dialogue.participant, 'microphone');
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.participant)).toBe(true);

    harness.floor.give(dialogue.room.id, null);
    await harness.media.idle();
    expect(updatesFor(dialogue.participant)).toHaveLength(2);
    expect(updatesFor(dialogue.participant)[1]?.body['permission']).toEqual({ canSubscribe: true });
    expect(harness.standIn.participant(roomName, dialogue.participant)?.tracks).toEqual([]);
    await vi.waitFor(() =>
      expect(permissions.at(-1)).toMatchObject({ canPublish: false, canPublishSources: [] }),
    );
  });

  it('leaves co-chairs and observers alone when the floor moves', async () => {
    await join(dialogue.coChair);
    harness.floor.give(dialogue.room.id, dialogue.coChair);
    harness.floor.give(dialogue.room.id, dialogue.observer);
    harness.floor.give(dialogue.room.id, null);
    await harness.media.idle();
    expect(updatesFor(dialogue.coChair)).toEqual([]);
    expect(updatesFor(dialogue.observer)).toEqual([]);
  });

  it('gives the floor holder who is not yet in LiveKit a publishing token, without retrying', async () => {
    harness.floor.give(dialogue.room.id, dialogue.otherParticipant);
    await harness.media.idle();
    expect(updatesFor(dialogue.otherParticipant)).toHaveLength(1);
    const token = MediaTokenSchema.parse(
      await (await fetchJoinToken(harness.testApp, dialogue.room.id, dialogue.otherParticipant)).json(),
    );
    expect(token.grants).toMatchObject({ canPublish: true, canPublishSources: ['microphone', 'camera'] });
    harness.floor.give(dialogue.room.id, null);
    await harness.media.idle();
  });

  it('takes back the rights of a token issued just before the turn ended, as soon as it joins', async () => {
    harness.floor.give(dialogue.room.id, dialogue.noteTaker);
    await harness.media.idle();
    const stale = MediaTokenSchema.parse(
      await (await fetchJoinToken(harness.testApp, dialogue.room.id, dialogue.noteTaker)).json(),
    );
    harness.floor.give(dialogue.room.id, null);
    await harness.media.idle();
    await harness.standIn.join(stale.token);
    await vi.waitFor(() =>
      expect(harness.standIn.participant(roomName, dialogue.noteTaker)?.permission?.canPublish).toBe(false),
    );
    expect(harness.standIn.participant(roomName, dialogue.noteTaker)?.permission?.canSubscribe).toBe(true);
  });

  it('retries a failing LiveKit and reports the failure to the co-chairs', async () => {
    const chair = await connectAs(harness.testApp, dialogue.coChair);
    const errors = collect(chair, MediaEvents.Error);
    expect(await call(chair, MediaEvents.Subscribe, { roomId: dialogue.room.id })).toEqual({
      ok: true,
      data: { moderator: true },
    });
    const bystander = await connectAs(harness.testApp, dialogue.otherParticipant);
    const bystanderErrors = collect(bystander, MediaEvents.Error);
    await call(bystander, MediaEvents.Subscribe, { roomId: dialogue.room.id });

    const before = updatesFor(dialogue.participant).length;
    harness.standIn.failNext('UpdateParticipant', 10);
    harness.floor.give(dialogue.room.id, dialogue.participant);
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 10_000 });
    expect(errors[0]).toEqual({
      roomId: dialogue.room.id,
      operation: 'grant',
      personId: dialogue.participant,
      code: 'unavailable',
      message: 'injected failure',
      attempts: 4,
    });
    expect(updatesFor(dialogue.participant).length - before).toBe(4);
    expect(bystanderErrors).toEqual([]);
    harness.standIn.failNext('UpdateParticipant', 0);
  });
});
