import { ParticipantInfo } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveKitRoomName } from './grants.js';
import { joinLiveKit, seedDialogue, startMediaHarness, type Dialogue, type MediaHarness } from './testing.js';

describe('reconciling media presence with LiveKit', () => {
  let harness: MediaHarness;
  let dialogue: Dialogue;
  const joinSilently = (personId: string) =>
    joinLiveKit(harness, dialogue.room.id, personId, { silently: true });

  beforeAll(async () => {
    harness = await startMediaHarness({ redisPrefix: true });
    dialogue = await seedDialogue(harness.testApp);
  });
  afterAll(() => harness.close());

  it('marks in a person whose join webhook was lost', async () => {
    await joinSilently(dialogue.participant);
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.participant)).toBe(false);
    expect(await harness.media.reconcileNow()).toMatchObject({ corrected: 1 });
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.participant)).toBe(true);
  });

  it('marks out a person whose leave webhook was lost', async () => {
    await harness.standIn.sendWebhook({
      event: 'participant_joined',
      roomName: liveKitRoomName(dialogue.room.id),
      participant: new ParticipantInfo({ sid: 'PA_ghost', identity: dialogue.otherParticipant }),
    });
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.otherParticipant)).toBe(true);
    await harness.media.reconcileNow();
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.otherParticipant)).toBe(false);
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.participant)).toBe(true);
  });

  it('takes publishing away from a participant whose rights no longer match the floor', async () => {
    harness.floor.give(dialogue.room.id, dialogue.noteTaker);
    await harness.media.idle();
    const joined = await joinSilently(dialogue.noteTaker);
    expect(joined.permission?.canPublish).toBe(true);
    // The floor ends while the update cannot reach LiveKit: its failure is reported, not fixed.
    harness.standIn.failNext('UpdateParticipant', 4);
    harness.floor.give(dialogue.room.id, null);
    await harness.media.idle();
    expect(
      harness.standIn.participant(liveKitRoomName(dialogue.room.id), dialogue.noteTaker)?.permission
        ?.canPublish,
    ).toBe(true);
    await harness.media.reconcileNow();
    await harness.media.idle();
    const permission = harness.standIn.participant(
      liveKitRoomName(dialogue.room.id),
      dialogue.noteTaker,
    )?.permission;
    expect(permission).toMatchObject({ canPublish: false, canSubscribe: true });
  });

  it('marks everyone out of a room LiveKit no longer has', async () => {
    await harness.standIn.leave(liveKitRoomName(dialogue.room.id), dialogue.participant);
    harness.standIn.webhookUrl = null;
    await harness.standIn.leave(liveKitRoomName(dialogue.room.id), dialogue.noteTaker);
    harness.standIn.webhookUrl = harness.webhookUrl;
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.participant)).toBe(false);
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.noteTaker)).toBe(true);
    await harness.media.reconcileNow();
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.noteTaker)).toBe(false);
  });

  it('lets listeners publish as soon as an organizer opens the room', async () => {
    const other = await seedDialogue(harness.testApp);
    const name = liveKitRoomName(other.room.id);
    await joinLiveKit(harness, other.room.id, other.participant);
    await harness.testApp.store.db
      .updateTable('rooms')
      .set({ floor_mode: 'open' })
      .where('id', '=', other.room.id)
      .execute();
    await harness.testApp.app.context.accessChanges.notify({ roomIds: [other.room.id] });
    await vi.waitFor(() =>
      expect(harness.standIn.participant(name, other.participant)?.permission?.canPublish).toBe(true),
    );
  });

  it('removes from the media room someone the room no longer admits', async () => {
    const other = await seedDialogue(harness.testApp);
    const name = liveKitRoomName(other.room.id);
    await joinLiveKit(harness, other.room.id, other.participant);
    await harness.testApp.store.db
      .updateTable('rooms')
      .set({ access: JSON.stringify({ mode: 'restricted', categories: ['private'], personIds: [] }) })
      .where('id', '=', other.room.id)
      .execute();
    await harness.testApp.app.context.accessChanges.notify({ roomIds: [other.room.id] });
    await vi.waitFor(() => expect(harness.standIn.participant(name, other.participant)).toBeUndefined());
  });
});
