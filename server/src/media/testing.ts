import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { LIVEKIT_WEBHOOK_PATH, MediaTokenSchema, type FloorMode, type Room } from '@roundtable/shared';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { startTestApp, type TestApp, type TestAppOptions } from '../test/app.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildPerson,
  buildRoom,
  buildRoomRole,
  sessionCookieFor,
} from '../test/factories.js';
import { startLiveKitStandIn, type LiveKitStandIn } from '../test/livekit-stand-in/room-service.js';
import type { FloorChange, FloorSource, MediaPresenceSink } from './adapters.js';
import type { MediaModule } from './module.js';

/* Test harness of the media module: the app, the LiveKit stand-in, and fakes of its neighbours. */

/** A floor source the test drives; announces each change like the speaking module does. */
export interface FakeFloor extends FloorSource {
  give(roomId: string, personId: string | null): void;
}

export function fakeFloor(): FakeFloor {
  const emitter = new EventEmitter();
  const holders = new Map<string, string | null>();
  return {
    onFloorChange(handler) {
      emitter.on('change', handler);
      return () => emitter.off('change', handler);
    },
    give(roomId, personId) {
      const change: FloorChange = {
        roomId,
        personId,
        previousPersonId: holders.get(roomId) ?? null,
        turnId: crypto.randomUUID(),
      };
      holders.set(roomId, personId);
      emitter.emit('change', change);
    },
  };
}

/** Records what media reports to presence. */
export interface FakePresence extends MediaPresenceSink {
  readonly calls: Array<{ roomId: string; personId: string; inMedia: boolean }>;
  inMedia(roomId: string, personId: string): boolean;
}

export function fakePresence(): FakePresence {
  const state = new Map<string, boolean>();
  const calls: FakePresence['calls'] = [];
  return {
    calls,
    setMediaPresence(roomId, personId, inMedia) {
      calls.push({ roomId, personId, inMedia });
      state.set(`${roomId}/${personId}`, inMedia);
    },
    inMedia: (roomId, personId) => state.get(`${roomId}/${personId}`) ?? false,
  };
}

export interface MediaApp {
  testApp: TestApp;
  standIn: LiveKitStandIn;
  media: MediaModule;
  webhookUrl: string;
  close(): Promise<void>;
}

/** The app with its real modules, configured with the LiveKit stand-in, webhooks pointed back at it. */
export async function startMediaApp(options: Omit<TestAppOptions, 'config'> = {}): Promise<MediaApp> {
  const standIn = await startLiveKitStandIn();
  const testApp = await startTestApp({
    ...options,
    config: {
      LIVEKIT_URL: standIn.url.replace(/^http/, 'ws'),
      LIVEKIT_API_KEY: standIn.apiKey,
      LIVEKIT_API_SECRET: standIn.apiSecret,
    },
  });
  const webhookUrl = `${testApp.url}${LIVEKIT_WEBHOOK_PATH}`;
  standIn.webhookUrl = webhookUrl;
  return {
    testApp,
    standIn,
    media: testApp.app.context.modules.get('media') as MediaModule,
    webhookUrl,
    async close() {
      await testApp.close();
      await standIn.close();
    },
  };
}

export interface MediaHarness extends MediaApp {
  floor: FakeFloor;
  presence: FakePresence;
}

/** Like `startMediaApp`, with fakes in place of the speaking and presence modules. */
export async function startMediaHarness(options: Omit<TestAppOptions, 'config'> = {}): Promise<MediaHarness> {
  const mediaApp = await startMediaApp(options);
  const floor = fakeFloor();
  const presence = fakePresence();
  mediaApp.media.bindFloorSource(floor);
  mediaApp.media.bindPresenceSink(presence);
  return { ...mediaApp, floor, presence };
}

/** A dialogue room with one person of each role, the seed's two sides, and one outsider. */
export interface Dialogue {
  room: Room;
  coChair: string;
  participant: string;
  otherParticipant: string;
  noteTaker: string;
  observer: string;
  /** A member of the event whom the room's access rule does not admit. */
  outsider: string;
}

export async function seedDialogue(testApp: TestApp, floorMode: FloorMode = 'moderated'): Promise<Dialogue> {
  const { db } = testApp.store;
  const event = await buildEvent(db);
  const japan = await buildDelegation(db, event.id, {
    side: 'Japan',
    category: 'government',
    name: 'Japan — Government',
  });
  const us = await buildDelegation(db, event.id, { side: 'United States', category: 'government' });
  const business = await buildDelegation(db, event.id, { side: 'Japan', category: 'private' });
  const room = await buildRoom(db, event.id, {
    floorMode,
    access: { mode: 'restricted', categories: ['government'], personIds: [] },
  });
  const member = async (
    delegationId: string,
    role?: 'co_chair' | 'note_taker' | 'observer',
  ): Promise<string> => {
    const person = await buildPerson(db);
    await buildMember(db, event.id, person.id, { delegationId });
    if (role) await buildRoomRole(db, room.id, person.id, role);
    return person.id;
  };
  return {
    room,
    coChair: await member(japan.id, 'co_chair'),
    participant: await member(japan.id),
    otherParticipant: await member(us.id),
    noteTaker: await member(us.id, 'note_taker'),
    observer: await member(us.id, 'observer'),
    outsider: await member(business.id),
  };
}

/** Fetches a join token for `personId` through the real endpoint. */
export async function fetchJoinToken(testApp: TestApp, roomId: string, personId: string): Promise<Response> {
  return fetch(`${testApp.url}/api/rooms/${roomId}/media/token`, {
    method: 'POST',
    headers: { cookie: await sessionCookieFor(testApp.store.db, personId) },
  });
}

/**
 * Fetches `personId`'s join token and joins the stand-in with it, as the browser would.
 * `silently`: the participant_joined webhook is lost on the way (LiveKit sends none).
 */
export async function joinLiveKit(
  mediaApp: MediaApp,
  roomId: string,
  personId: string,
  options: { silently?: boolean } = {},
): Promise<ParticipantInfo> {
  const response = await fetchJoinToken(mediaApp.testApp, roomId, personId);
  const { token } = MediaTokenSchema.parse(await response.json());
  if (!options.silently) return mediaApp.standIn.join(token);
  mediaApp.standIn.webhookUrl = null;
  try {
    return await mediaApp.standIn.join(token);
  } finally {
    mediaApp.standIn.webhookUrl = mediaApp.webhookUrl;
  }
}
