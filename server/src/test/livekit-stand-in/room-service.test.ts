import { AccessToken, RoomServiceClient, ServerError, TrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveKitStandIn, type LiveKitStandIn } from './room-service.js';

/*
 * The stand-in must hold our code to the rules of the real RoomService, or tests against it prove
 * nothing. These tests drive it with LiveKit's own SDK client.
 */

describe('the LiveKit RoomService stand-in', () => {
  let standIn: LiveKitStandIn;
  let client: RoomServiceClient;

  const joinToken = async (room: string, identity: string, grant: Record<string, unknown> = {}) => {
    const token = new AccessToken(standIn.apiKey, standIn.apiSecret, { identity });
    token.addGrant({ roomJoin: true, room, ...grant });
    return token.toJwt();
  };

  const adminCall = async (grant: Record<string, unknown>, body: object): Promise<Response> => {
    const token = new AccessToken(standIn.apiKey, standIn.apiSecret);
    token.addGrant(grant);
    return fetch(`${standIn.url}/twirp/livekit.RoomService/ListParticipants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token.toJwt()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  };

  beforeAll(async () => {
    standIn = await startLiveKitStandIn();
    client = new RoomServiceClient(standIn.url, standIn.apiKey, standIn.apiSecret, { failover: false });
  });
  afterAll(() => standIn.close());

  it('answers calls signed with the API secret', async () => {
    await standIn.join(await joinToken('r1', 'alice'));
    expect((await client.listParticipants('r1')).map((p) => p.identity)).toEqual(['alice']);
  });

  it('refuses a call signed with another secret with 401', async () => {
    const forger = new RoomServiceClient(standIn.url, standIn.apiKey, 'not-the-secret-not-the-secret-!!', {
      failover: false,
    });
    await expect(forger.listParticipants('r1')).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });
  });

  it('refuses a call without roomAdmin, or for another room, with permission_denied', async () => {
    const noAdmin = await adminCall({ room: 'r1' }, { room: 'r1' });
    expect(noAdmin.status).toBe(403);
    expect(await noAdmin.json()).toMatchObject({ code: 'permission_denied' });
    expect((await adminCall({ roomAdmin: true, room: 'other' }, { room: 'r1' })).status).toBe(403);
    expect((await adminCall({ roomAdmin: true, room: 'r1' }, { room: 'r1' })).status).toBe(200);
  });

  it('replaces the whole permission object: omitted fields become false', async () => {
    await standIn.join(await joinToken('r2', 'bob'));
    const updated = await client.updateParticipant('r2', 'bob', { permission: { canPublish: true } });
    expect(updated.permission).toMatchObject({
      canPublish: true,
      canSubscribe: false,
      canPublishData: false,
    });
  });

  it('unpublishes tracks when publishing is revoked', async () => {
    await standIn.join(await joinToken('r3', 'carol'));
    await standIn.publish('r3', 'carol', 'microphone');
    await client.updateParticipant('r3', 'carol', {
      permission: { canSubscribe: true, canPublish: false, canPublishSources: [] },
    });
    expect(standIn.participant('r3', 'carol')?.tracks).toEqual([]);
    await expect(standIn.publish('r3', 'carol', 'microphone')).rejects.toThrow(/may not publish/);
  });

  it('publishes only the sources a token allows, reading an unset canPublish as true', async () => {
    await standIn.join(await joinToken('r4', 'dan', { canPublishSources: [TrackSource.MICROPHONE] }));
    await standIn.publish('r4', 'dan', 'microphone');
    await expect(standIn.publish('r4', 'dan', 'camera')).rejects.toThrow(/may not publish/);
  });

  it('answers not_found for a participant who is not in the room, as a Twirp JSON error', async () => {
    const error: unknown = await client
      .updateParticipant('r1', 'nobody', { permission: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('fails the next calls of a method on demand, then recovers', async () => {
    standIn.failNext('ListParticipants', 1);
    await expect(client.listParticipants('r1')).rejects.toMatchObject({ status: 503, code: 'unavailable' });
    await expect(client.listParticipants('r1')).resolves.toHaveLength(1);
  });
});
