import { ApiErrorSchema, MediaStatusSchema, MediaTokenSchema } from '@roundtable/shared';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildRoom, sessionCookieFor } from '../test/factories.js';
import { postWebhook, webhookBody } from '../test/livekit-stand-in/webhooks.js';
import {
  fetchJoinToken,
  seedDialogue,
  startMediaHarness,
  type Dialogue,
  type MediaHarness,
} from './testing.js';

async function getStatus(testApp: TestApp, roomId: string, personId: string | null): Promise<Response> {
  const headers: Record<string, string> = personId
    ? { cookie: await sessionCookieFor(testApp.store.db, personId) }
    : {};
  return fetch(`${testApp.url}/api/rooms/${roomId}/media`, { headers });
}

describe('media without LiveKit configured', () => {
  let testApp: TestApp;
  let dialogue: Dialogue;
  beforeAll(async () => {
    testApp = await startTestApp();
    dialogue = await seedDialogue(testApp);
  });
  afterAll(() => testApp.close());

  it('says media is off because it is not configured', async () => {
    const response = await getStatus(testApp, dialogue.room.id, dialogue.participant);
    expect(response.status).toBe(200);
    expect(MediaStatusSchema.parse(await response.json())).toEqual({
      enabled: false,
      reason: 'not_configured',
    });
  });

  it('refuses a join token with media_off', async () => {
    const response = await fetchJoinToken(testApp, dialogue.room.id, dialogue.coChair);
    expect(response.status).toBe(409);
    expect(ApiErrorSchema.parse(await response.json()).error).toMatchObject({
      code: 'media_off',
      details: { reason: 'not_configured' },
    });
  });

  it('does not accept webhooks', async () => {
    const body = webhookBody({ event: 'room_started', roomName: 'roundtable-x' });
    const response = await postWebhook(`${testApp.url}/api/livekit/webhook`, body, {
      apiKey: 'devkey',
      apiSecret: 'secret-secret-secret-secret-secret',
    });
    expect(response.status).toBe(404);
  });

  it('still checks access before saying anything about media', async () => {
    expect((await getStatus(testApp, dialogue.room.id, null)).status).toBe(401);
    expect((await getStatus(testApp, dialogue.room.id, dialogue.outsider)).status).toBe(403);
  });
});

describe('media with LiveKit configured', () => {
  let harness: MediaHarness;
  let dialogue: Dialogue;
  const verifier = () => new TokenVerifier(harness.standIn.apiKey, harness.standIn.apiSecret);

  beforeAll(async () => {
    harness = await startMediaHarness();
    dialogue = await seedDialogue(harness.testApp);
  });
  afterAll(() => harness.close());

  it('offers media with the caller’s grants and LiveKit’s URL', async () => {
    const response = await getStatus(harness.testApp, dialogue.room.id, dialogue.participant);
    expect(MediaStatusSchema.parse(await response.json())).toEqual({
      enabled: true,
      url: harness.standIn.url.replace(/^http/, 'ws'),
      floorMode: 'moderated',
      grants: {
        canPublish: false,
        canPublishSources: [],
        canSubscribe: true,
        canPublishData: false,
        hidden: false,
      },
    });
  });

  it('says media is off for a room that has it switched off', async () => {
    const quiet = await buildRoom(harness.testApp.store.db, dialogue.room.eventId, { mediaEnabled: false });
    const status = await getStatus(harness.testApp, quiet.id, dialogue.participant);
    expect(MediaStatusSchema.parse(await status.json())).toEqual({
      enabled: false,
      reason: 'room_media_off',
    });
    const token = await fetchJoinToken(harness.testApp, quiet.id, dialogue.participant);
    expect(token.status).toBe(409);
    expect(ApiErrorSchema.parse(await token.json()).error.details).toEqual({ reason: 'room_media_off' });
  });

  it('gives a participant a listen-only token in a moderated room, with their delegation attributes', async () => {
    const response = await fetchJoinToken(harness.testApp, dialogue.room.id, dialogue.participant);
    expect(response.status).toBe(200);
    const issued = MediaTokenSchema.parse(await response.json());
    expect(issued.identity).toBe(dialogue.participant);
    const claims = await verifier().verify(issued.token);
    expect(claims.sub).toBe(dialogue.participant);
    expect(claims.video).toMatchObject({
      roomJoin: true,
      room: `roundtable-${dialogue.room.id}`,
      canPublish: false,
      canPublishSources: [],
      canSubscribe: true,
    });
    expect(claims.attributes).toEqual({
      role: 'participant',
      side: 'Japan',
      category: 'government',
      delegation: 'Japan — Government',
    });
  });

  it('gives each role in the room the grants of its role', async () => {
    const sources = async (personId: string) => {
      const issued = MediaTokenSchema.parse(
        await (await fetchJoinToken(harness.testApp, dialogue.room.id, personId)).json(),
      );
      const { video } = await verifier().verify(issued.token);
      return { canPublish: video?.canPublish, sources: video?.canPublishSources };
    };
    expect(await sources(dialogue.coChair)).toMatchObject({
      canPublish: true,
      sources: ['microphone', 'camera', 'screen_share', 'screen_share_audio'],
    });
    expect(await sources(dialogue.noteTaker)).toMatchObject({ canPublish: false, sources: [] });
    expect(await sources(dialogue.observer)).toMatchObject({ canPublish: false, sources: [] });
  });

  it('lets participants publish microphone and camera in an open room, but never observers', async () => {
    const open = await seedDialogue(harness.testApp, 'open');
    const grants = async (personId: string) =>
      MediaTokenSchema.parse(await (await fetchJoinToken(harness.testApp, open.room.id, personId)).json())
        .grants;
    expect(await grants(open.participant)).toMatchObject({
      canPublish: true,
      canPublishSources: ['microphone', 'camera'],
    });
    expect(await grants(open.observer)).toMatchObject({ canPublish: false, canPublishSources: [] });
  });

  it('gives no token to someone the room does not admit, nor to the public', async () => {
    expect((await fetchJoinToken(harness.testApp, dialogue.room.id, dialogue.outsider)).status).toBe(403);
    const anonymous = await fetch(`${harness.testApp.url}/api/rooms/${dialogue.room.id}/media/token`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);
    const missing = await fetchJoinToken(harness.testApp, 'no-such-room', dialogue.participant);
    expect(missing.status).toBe(404);
  });

  it('lets an observer join LiveKit but not publish', async () => {
    const issued = MediaTokenSchema.parse(
      await (await fetchJoinToken(harness.testApp, dialogue.room.id, dialogue.observer)).json(),
    );
    await harness.standIn.join(issued.token);
    await expect(harness.standIn.publish(issued.roomName, dialogue.observer, 'microphone')).rejects.toThrow(
      /may not publish/,
    );
  });
});
