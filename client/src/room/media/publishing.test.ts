import type { LocalParticipant, ParticipantEvent } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';
import { enableMicrophoneWhenAllowed, stopDisallowedTracks } from './publishing';

/** The part of LiveKit's LocalParticipant these helpers use, observable. */
function buildParticipant(canPublish: boolean, sources: string[] = []) {
  const tracks = sources.map((source) => ({ source, track: { id: `${source}-track` } }));
  // Only permission changes are listened to: one listener set stands in for LiveKit's emitter.
  const listeners = new Set<() => void>();
  const fake = {
    on: (_event: ParticipantEvent, listener: () => void) => listeners.add(listener),
    off: (_event: ParticipantEvent, listener: () => void) => listeners.delete(listener),
    changePermissions(next: { canPublish: boolean }) {
      fake.permissions = next;
      for (const listener of listeners) listener();
    },
    listening: () => listeners.size,
    permissions: { canPublish },
    trackPublications: new Map(tracks.map((publication) => [publication.track.id, publication])),
    setMicrophoneEnabled: vi.fn(() => Promise.resolve(undefined)),
    unpublishTrack: vi.fn((_track: unknown, _stop: boolean) => Promise.resolve(undefined)),
  };
  return { fake, participant: fake as unknown as LocalParticipant };
}

describe('enableMicrophoneWhenAllowed', () => {
  it('turns the microphone on at once when LiveKit already allows publishing', async () => {
    const { fake, participant } = buildParticipant(true);
    await enableMicrophoneWhenAllowed(participant, new AbortController().signal);
    expect(fake.setMicrophoneEnabled).toHaveBeenCalledWith(true);
  });

  it("waits for LiveKit's own permission update before publishing", async () => {
    const { fake, participant } = buildParticipant(false);
    const enabling = enableMicrophoneWhenAllowed(participant, new AbortController().signal);
    await Promise.resolve();
    expect(fake.setMicrophoneEnabled).not.toHaveBeenCalled();
    fake.changePermissions({ canPublish: true });
    await enabling;
    expect(fake.setMicrophoneEnabled).toHaveBeenCalledWith(true);
  });

  it('gives up without publishing when the person leaves meanwhile', async () => {
    const { fake, participant } = buildParticipant(false);
    const leaving = new AbortController();
    const enabling = enableMicrophoneWhenAllowed(participant, leaving.signal);
    leaving.abort();
    await expect(enabling).rejects.toThrow();
    expect(fake.setMicrophoneEnabled).not.toHaveBeenCalled();
    expect(fake.listening()).toBe(0);
  });
});

describe('stopDisallowedTracks', () => {
  it('stops every track when the floor is taken away', async () => {
    const { fake, participant } = buildParticipant(true, ['microphone', 'camera']);
    await stopDisallowedTracks(participant, { canPublish: false, canPublishSources: [] });
    expect(fake.unpublishTrack.mock.calls).toEqual([
      [{ id: 'microphone-track' }, true],
      [{ id: 'camera-track' }, true],
    ]);
  });

  it('keeps the tracks the new grants still allow', async () => {
    const { fake, participant } = buildParticipant(true, ['microphone', 'screen_share']);
    await stopDisallowedTracks(participant, {
      canPublish: true,
      canPublishSources: ['microphone', 'camera'],
    });
    expect(fake.unpublishTrack.mock.calls).toEqual([[{ id: 'screen_share-track' }, true]]);
  });

  it('shrugs off a track LiveKit already unpublished', async () => {
    const { fake, participant } = buildParticipant(true, ['microphone']);
    fake.unpublishTrack.mockRejectedValueOnce(new Error('not published'));
    await expect(
      stopDisallowedTracks(participant, { canPublish: false, canPublishSources: [] }),
    ).resolves.toBe(undefined);
  });
});
