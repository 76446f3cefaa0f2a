import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloseCode, LIVEKIT_WEBHOOK_PATH, MediaTokenSchema, type RoomPresence } from '@roundtable/shared';
import { connectRaw, docUrl, upgradeStatus, type RawClient } from '../collab/test-support.js';
import { liveKitRoomName } from '../media/grants.js';
import { connectAs, disconnectAll, type TestSocket } from '../presence/testing.js';
import { buildMeeting, call, type Meeting } from '../speaking/test-helpers.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { sessionCookieFor, wsTokenFor } from '../test/factories.js';
import { startLiveKitStandIn, type LiveKitStandIn } from '../test/livekit-stand-in/room-service.js';
import { freshStoreOptions, uniqueRedisPrefix } from '../test/stores.js';

/*
 * Every entrance of a room, walked for a person the room must not let in: one a co-chair removed,
 * one waiting in the lobby, one whose access was withdrawn. Two instances share PostgreSQL and
 * Redis: the change is made on one, the person knocks (and was already inside) on the other.
 */

let a: TestApp;
let b: TestApp;
let standIn: LiveKitStandIn;
const raws: RawClient[] = [];

beforeAll(async () => {
  standIn = await startLiveKitStandIn();
  const storeOptions = await freshStoreOptions('postgres');
  const redisPrefix = uniqueRedisPrefix();
  const config = {
    LIVEKIT_URL: standIn.url.replace(/^http/, 'ws'),
    LIVEKIT_API_KEY: standIn.apiKey,
    LIVEKIT_API_SECRET: standIn.apiSecret,
  };
  a = await startTestApp({ storeOptions, redisPrefix, config });
  b = await startTestApp({ storeOptions, redisPrefix, config });
  standIn.webhookUrl = `${b.url}${LIVEKIT_WEBHOOK_PATH}`;
});
afterEach(() => {
  disconnectAll();
  for (const raw of raws.splice(0)) raw.ws.terminate();
});
afterAll(async () => {
  await a.close();
  await b.close();
  await standIn.close();
});

const rest = async (app: TestApp, personId: string, method: string, path: string): Promise<number> => {
  const response = await fetch(`${app.url}/api${path}`, {
    method,
    headers: {
      cookie: await sessionCookieFor(app.store.db, personId),
      origin: app.url,
      'content-type': 'application/json',
    },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
  await response.body?.cancel();
  return response.status;
};

const outcome = async (socket: TestSocket, event: Parameters<typeof call>[1], roomId: string) => {
  const ack = await call(socket, event, { roomId });
  return ack.ok ? 'open' : ack.error.code;
};

/** What each entrance answers `personId` on `app`: 'open'/2xx/101 lets in, anything else refuses. */
async function knockEverywhere(app: TestApp, personId: string, roomId: string) {
  const socket = await connectAs(app, personId);
  const token = await wsTokenFor(app, personId);
  const result = {
    'GET /rooms/:id/minutes': await rest(app, personId, 'GET', `/rooms/${roomId}/minutes`),
    'GET /rooms/:id/minutes/context': await rest(app, personId, 'GET', `/rooms/${roomId}/minutes/context`),
    'GET /rooms/:id/minutes/versions': await rest(app, personId, 'GET', `/rooms/${roomId}/minutes/versions`),
    'POST /rooms/:id/minutes/template': await rest(
      app,
      personId,
      'POST',
      `/rooms/${roomId}/minutes/template`,
    ),
    'GET /rooms/:id/media': await rest(app, personId, 'GET', `/rooms/${roomId}/media`),
    'POST /rooms/:id/media/token': await rest(app, personId, 'POST', `/rooms/${roomId}/media/token`),
    'presence:join': await outcome(socket, 'presence:join', roomId),
    'agenda:subscribe': await outcome(socket, 'agenda:subscribe', roomId),
    'minutes:watch': await outcome(socket, 'minutes:watch', roomId),
    'media:subscribe': await outcome(socket, 'media:subscribe', roomId),
    'speaking:subscribe': await outcome(socket, 'speaking:subscribe', roomId),
    'speaking:raise-hand': await outcome(socket, 'speaking:raise-hand', roomId),
    'yjs minutes': await upgradeStatus(docUrl(app.url, roomId, 'minutes', token)),
    'yjs agenda': await upgradeStatus(docUrl(app.url, roomId, 'agenda', token)),
  };
  socket.disconnect();
  return result;
}

const ENTRANCES = 14;
const isOpen = (answer: string | number): boolean =>
  answer === 'open' || (typeof answer === 'number' && answer >= 200 && answer < 300) || answer === 101;
/** The entrances that let the person in (all of them must refuse). */
const openEntrances = (answers: Record<string, string | number>): string[] =>
  Object.entries(answers)
    .filter(([, answer]) => isOpen(answer))
    .map(([entrance]) => entrance);

/** Everything a person holds open in a room on `app`: every subscription, both documents, media. */
async function enterEverything(app: TestApp, personId: string, roomId: string) {
  const socket = await connectAs(app, personId);
  const notices: string[] = [];
  socket.on('presence:removed', () => notices.push('presence'));
  socket.on('agenda:unsubscribed', () => notices.push('agenda'));
  socket.on('minutes:unwatched', () => notices.push('minutes'));
  socket.on('speaking:unsubscribed', () => notices.push('speaking'));
  for (const event of [
    'presence:join',
    'agenda:subscribe',
    'minutes:watch',
    'media:subscribe',
    'speaking:subscribe',
  ] as const) {
    expect(await outcome(socket, event, roomId)).toBe('open');
  }
  const token = await wsTokenFor(app, personId);
  const minutes = await connectRaw(docUrl(app.url, roomId, 'minutes', token));
  const agenda = await connectRaw(docUrl(app.url, roomId, 'agenda', token));
  raws.push(minutes, agenda);
  const tokenResponse = await fetch(`${app.url}/api/rooms/${roomId}/media/token`, {
    method: 'POST',
    headers: { cookie: await sessionCookieFor(app.store.db, personId), origin: app.url },
  });
  const { token: mediaToken } = MediaTokenSchema.parse(await tokenResponse.json());
  await standIn.join(mediaToken);
  return { socket, notices, minutes, agenda, mediaToken };
}

/** The Socket.IO channels of the room that still hold one of the person's sockets on `app`. */
async function channelsHolding(app: TestApp, personId: string, roomId: string): Promise<string[]> {
  const held: string[] = [];
  for (const channel of ['presence', 'agenda', 'minutes', 'media', 'speaking']) {
    const sockets = await app.app.io.in(`${channel}:${roomId}`).local.fetchSockets();
    if (sockets.some((s) => s.data.personId === personId)) held.push(channel);
  }
  return held;
}

async function presenceSeenBy(app: TestApp, personId: string, roomId: string): Promise<RoomPresence> {
  const socket = await connectAs(app, personId);
  const ack = await call(socket, 'presence:join', { roomId });
  socket.disconnect();
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data as RoomPresence;
}

/** Everything that was open is closed or left on `app`, and media let go of the person. */
async function expectShutOut(
  app: TestApp,
  held: Awaited<ReturnType<typeof enterEverything>>,
  personId: string,
  meeting: Meeting,
  code: number,
): Promise<void> {
  const roomId = meeting.room.id;
  expect(await held.minutes.closed).toMatchObject({ code });
  expect(await held.agenda.closed).toMatchObject({ code });
  await vi.waitFor(async () => expect(await channelsHolding(app, personId, roomId)).toEqual([]), {
    timeout: 10_000,
  });
  await vi.waitFor(() => expect(held.notices.sort()).toEqual(['agenda', 'minutes', 'presence', 'speaking']), {
    timeout: 10_000,
  });
  await vi.waitFor(() => expect(standIn.participant(liveKitRoomName(roomId), personId)).toBeUndefined(), {
    timeout: 10_000,
  });
  const chair = meeting.chairs[1]!.id;
  await vi.waitFor(
    async () =>
      expect((await presenceSeenBy(app, chair, roomId)).entries.map((e) => e.personId)).not.toContain(
        personId,
      ),
    { timeout: 10_000 },
  );
}

describe('the room guard at every entrance, on two instances', () => {
  it('refuses a person a co-chair removed at every entrance, and closes what they had open', async () => {
    const meeting = await buildMeeting(a.store.db);
    const roomId = meeting.room.id;
    // A note-taker reaches the most entrances: minutes writing aids and versions as well.
    const removed = meeting.noteTaker.id;
    expect(openEntrances(await knockEverywhere(b, removed, roomId))).toHaveLength(ENTRANCES);
    const held = await enterEverything(b, removed, roomId);

    const chair = await connectAs(a, meeting.chairs[0]!.id);
    expect((await call(chair, 'lobby:remove', { roomId, personId: removed })).ok).toBe(true);

    await expectShutOut(b, held, removed, meeting, CloseCode.RemovedFromRoom);
    expect(openEntrances(await knockEverywhere(b, removed, roomId))).toEqual([]);
    expect(openEntrances(await knockEverywhere(a, removed, roomId))).toEqual([]);

    // A LiveKit token issued before the removal still works at LiveKit for a while: the webhook
    // of that join must not put the person back in presence, and the server sends them out.
    await standIn.join(held.mediaToken);
    await vi.waitFor(() => expect(standIn.participant(liveKitRoomName(roomId), removed)).toBeUndefined(), {
      timeout: 10_000,
    });
    const seen = await presenceSeenBy(a, meeting.chairs[1]!.id, roomId);
    expect(seen.entries.find((e) => e.personId === removed)).toBeUndefined();
  });

  it('refuses a person waiting in the lobby at every entrance, and lets them in once admitted', async () => {
    const meeting = await buildMeeting(a.store.db, { lobbyEnabled: true });
    const roomId = meeting.room.id;
    const waiting = meeting.noteTaker.id;
    const socket = await connectAs(b, waiting);
    expect(await call(socket, 'lobby:join', { roomId })).toEqual({ ok: true, data: { status: 'waiting' } });
    expect(openEntrances(await knockEverywhere(b, waiting, roomId))).toEqual([]);
    expect(openEntrances(await knockEverywhere(a, waiting, roomId))).toEqual([]);

    const chair = await connectAs(a, meeting.chairs[0]!.id);
    expect((await call(chair, 'lobby:admit', { roomId, personIds: [waiting] })).ok).toBe(true);
    expect(openEntrances(await knockEverywhere(b, waiting, roomId))).toHaveLength(ENTRANCES);
  });

  it('shuts out a person whose access was withdrawn (the room got a lobby) everywhere it was open', async () => {
    const meeting = await buildMeeting(a.store.db);
    const roomId = meeting.room.id;
    const person = meeting.noteTaker.id;
    const held = await enterEverything(b, person, roomId);
    const organizer = await sessionCookieFor(a.store.db, meeting.organizer.id);
    const patched = await fetch(`${a.url}/api/rooms/${roomId}`, {
      method: 'PATCH',
      headers: { cookie: organizer, origin: a.url, 'content-type': 'application/json' },
      body: JSON.stringify({ lobbyEnabled: true }),
    });
    expect(patched.status).toBe(200);

    await expectShutOut(b, held, person, meeting, CloseCode.RemovedFromRoom);
    expect(openEntrances(await knockEverywhere(b, person, roomId))).toEqual([]);
  });

  it('shuts out a person whose access rule no longer admits them, with 4205 on the documents', async () => {
    const meeting = await buildMeeting(a.store.db);
    const roomId = meeting.room.id;
    const person = meeting.participants[0]!.id;
    const held = await enterEverything(b, person, roomId);
    const organizer = await sessionCookieFor(a.store.db, meeting.organizer.id);
    const patched = await fetch(`${a.url}/api/rooms/${roomId}`, {
      method: 'PATCH',
      headers: { cookie: organizer, origin: a.url, 'content-type': 'application/json' },
      body: JSON.stringify({ access: { mode: 'restricted', categories: ['civil_society'], personIds: [] } }),
    });
    expect(patched.status).toBe(200);

    await expectShutOut(b, held, person, meeting, CloseCode.AccessChanged);
    const answers = await knockEverywhere(b, person, roomId);
    expect(openEntrances(answers)).toEqual([]);
    expect(answers['yjs minutes']).toBe(403);
  });
});
