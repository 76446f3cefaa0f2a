import { AccessToken, ParticipantInfo } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueRedisPrefix } from '../test/stores.js';
import {
  postWebhook,
  signWebhook,
  webhookBody,
  type WebhookEventInput,
} from '../test/livekit-stand-in/webhooks.js';
import { liveKitRoomName } from './grants.js';
import { seedDialogue, startMediaHarness, type Dialogue, type MediaHarness } from './testing.js';

const person = (identity: string, sid = `PA_${identity}`) => new ParticipantInfo({ sid, identity });

describe.each([
  { backend: 'memory', redisPrefix: undefined },
  { backend: 'Redis', redisPrefix: true as const },
])('LiveKit webhooks ($backend)', ({ redisPrefix }) => {
  let harness: MediaHarness;
  let dialogue: Dialogue;
  let roomName: string;
  const keys = () => ({ apiKey: harness.standIn.apiKey, apiSecret: harness.standIn.apiSecret });
  const post = (body: string, options?: Parameters<typeof postWebhook>[3]) =>
    postWebhook(harness.webhookUrl, body, keys(), options);
  const event = (input: Omit<WebhookEventInput, 'roomName'>) => webhookBody({ roomName, ...input });

  beforeAll(async () => {
    harness = await startMediaHarness(redisPrefix ? { redisPrefix } : {});
    dialogue = await seedDialogue(harness.testApp);
    roomName = liveKitRoomName(dialogue.room.id);
  });
  afterAll(() => harness.close());

  it('accepts a webhook signed as LiveKit signs it and shows the person in the media room', async () => {
    const response = await post(
      event({ event: 'participant_joined', participant: person(dialogue.participant) }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.participant)).toBe(true);
  });

  it('refuses a body changed after signing', async () => {
    const body = event({ event: 'participant_joined', participant: person(dialogue.observer) });
    const authorization = await signWebhook(body, keys().apiKey, keys().apiSecret);
    const response = await post(body.replace(dialogue.observer, dialogue.noteTaker), { authorization });
    expect(response.status).toBe(401);
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.noteTaker)).toBe(false);
  });

  it('refuses a webhook signed with another secret or another key', async () => {
    const body = event({ event: 'participant_joined', participant: person(dialogue.noteTaker) });
    const wrongSecret = await signWebhook(body, keys().apiKey, 'another-secret-another-secret-!!');
    const wrongKey = await signWebhook(body, 'another-key', keys().apiSecret);
    expect((await post(body, { authorization: wrongSecret })).status).toBe(401);
    expect((await post(body, { authorization: wrongKey })).status).toBe(401);
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.noteTaker)).toBe(false);
  });

  it('refuses a valid signature sent with a Bearer prefix', async () => {
    const body = event({ event: 'participant_joined', participant: person(dialogue.noteTaker) });
    const token = await signWebhook(body, keys().apiKey, keys().apiSecret);
    const response = await post(body, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await post(body, { authorization: token })).status).toBe(200);
  });

  it('refuses a signature without the body hash', async () => {
    const body = event({ event: 'participant_joined', participant: person(dialogue.coChair) });
    const unhashed = await new AccessToken(keys().apiKey, keys().apiSecret).toJwt();
    expect((await post(body, { authorization: unhashed })).status).toBe(401);
  });

  it('acknowledges a replayed event id without applying it again', async () => {
    const joined = event({
      event: 'participant_joined',
      participant: person(dialogue.otherParticipant),
      id: 'EV_replay',
    });
    expect(await (await post(joined)).json()).toEqual({ received: true, duplicate: false });
    const callsBefore = harness.presence.calls.length;
    const left = event({
      event: 'participant_left',
      participant: person(dialogue.otherParticipant),
      id: 'EV_replay',
    });
    const replay = await post(left);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(harness.presence.calls).toHaveLength(callsBefore);
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.otherParticipant)).toBe(true);
  });

  it('refuses a body sent as plain JSON, whose bytes the JSON parser would not keep', async () => {
    const body = event({ event: 'participant_joined', participant: person(dialogue.coChair) });
    expect((await post(body, { contentType: 'application/json' })).status).toBe(415);
  });

  it('keeps a person out when their join arrives after their later leave', async () => {
    const who = person(dialogue.coChair, 'PA_late');
    await post(event({ event: 'participant_left', participant: who, createdAt: 2_000_000_200 }));
    await post(event({ event: 'participant_joined', participant: who, createdAt: 2_000_000_100 }));
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.coChair)).toBe(false);
  });

  it('takes a connection aborted as leaving', async () => {
    const who = person(dialogue.observer, 'PA_aborted');
    await post(event({ event: 'participant_joined', participant: who }));
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.observer)).toBe(true);
    await post(event({ event: 'participant_connection_aborted', participant: who }));
    expect(harness.presence.inMedia(dialogue.room.id, dialogue.observer)).toBe(false);
  });

  it('ignores events of LiveKit rooms that are not ours', async () => {
    const body = webhookBody({
      event: 'participant_joined',
      roomName: 'someone-else',
      participant: person('x'),
    });
    expect((await post(body)).status).toBe(200);
    expect(harness.presence.calls.some((c) => c.personId === 'x')).toBe(false);
  });
});

describe('LiveKit webhooks across two instances', () => {
  let first: MediaHarness;
  let second: MediaHarness;
  beforeAll(async () => {
    const redisPrefix = uniqueRedisPrefix();
    first = await startMediaHarness({ redisPrefix });
    second = await startMediaHarness({ redisPrefix });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('applies an event delivered to both instances once', async () => {
    const body = webhookBody({ event: 'room_started', roomName: 'roundtable-anything', id: 'EV_shared' });
    const keys = { apiKey: first.standIn.apiKey, apiSecret: first.standIn.apiSecret };
    expect(await (await postWebhook(first.webhookUrl, body, keys)).json()).toEqual({
      received: true,
      duplicate: false,
    });
    expect(await (await postWebhook(second.webhookUrl, body, keys)).json()).toEqual({
      received: true,
      duplicate: true,
    });
  });
});
