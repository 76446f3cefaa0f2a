import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { docName, YJS_PATH, type DocKind, type Person, type Room } from '@roundtable/shared';
import { signWsToken } from '../auth/tokens.js';
import type { Db } from '../store/db.js';
import type { TestApp } from '../test/app.js';
import {
  buildEvent,
  buildMember,
  buildOrganizer,
  buildPerson,
  buildRoom,
  buildRoomRole,
} from '../test/factories.js';

/*
 * Helpers for the collab integration tests (not a test file itself): a seeded room with one person
 * per role, and stock y-websocket clients.
 */

export interface SeededRoom {
  room: Room;
  organizer: Person;
  coChair: Person;
  noteTaker: Person;
  participant: Person;
  /** A member of the event who is not admitted to this (restricted) room. */
  outsider: Person;
}

/** A restricted room (government delegations only) with a co-chair, a note-taker and a participant. */
export async function seedRoom(db: Db): Promise<SeededRoom> {
  const event = await buildEvent(db);
  const room = await buildRoom(db, event.id, {
    access: { mode: 'restricted', categories: [], personIds: [] },
  });
  const organizer = await buildOrganizer(db);
  const [coChair, noteTaker, participant, outsider] = await Promise.all(
    ['Co-chair', 'Note-taker', 'Participant', 'Outsider'].map((name) => buildPerson(db, { name })),
  );
  if (!coChair || !noteTaker || !participant || !outsider) throw new Error('seed failed');
  for (const person of [coChair, noteTaker, participant, outsider])
    await buildMember(db, event.id, person.id);
  await buildRoomRole(db, room.id, coChair.id, 'co_chair');
  await buildRoomRole(db, room.id, noteTaker.id, 'note_taker');
  await buildRoomRole(db, room.id, participant.id, 'participant');
  return { room, organizer, coChair, noteTaker, participant, outsider };
}

/** A websocket token for `person`, signed with the app's secret. */
export async function tokenFor(secret: Uint8Array, person: Person): Promise<string> {
  const { token } = await signWsToken(
    secret,
    { sub: person.id, name: person.name, org: person.isOrganizer },
    Date.now(),
  );
  return token;
}

/** A stock `WebsocketProvider` in Node, and what the tests observe about it. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closeCodes: number[];
  synced(): Promise<void>;
  text(): string;
  destroy(): void;
}

/** `origin` is `http://127.0.0.1:<port>`; the client connects to `ws://…/yjs/<roomId>/<kind>`. */
export function connectClient(
  origin: string,
  roomId: string,
  kind: DocKind,
  token: string,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(
    `${origin.replace(/^http/, 'ws')}${YJS_PATH}`,
    docName(roomId, kind),
    doc,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Providers in one process would otherwise sync through BroadcastChannel, not the server.
      disableBc: true,
      maxBackoffTime: 300,
      connect: options.connect ?? true,
    },
  );
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    // Typed as the DOM CloseEvent, which the server's Node-only types do not declare.
    const code = (event as { code?: unknown } | null)?.code;
    if (typeof code === 'number') closeCodes.push(code);
  });
  return {
    doc,
    provider,
    closeCodes,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const onSync = (state: boolean): void => {
              if (!state) return;
              provider.off('sync', onSync);
              resolve();
            };
            provider.on('sync', onSync);
          }),
    text: () => doc.getText('t').toJSON(),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The HTTP status a raw upgrade to `url` is answered with (101 when accepted). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.terminate();
    });
    ws.on('error', (err) => {
      if (!ws.listenerCount('unexpected-response')) reject(err);
    });
  });
}

/** `ws://…/yjs/<roomId>/<kind>?token=…` for raw protocol tests. */
export function docUrl(origin: string, roomId: string, kind: DocKind, token?: string): string {
  const base = `${origin.replace(/^http/, 'ws')}${YJS_PATH}/${docName(roomId, kind)}`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

/** A bare websocket speaking the protocol by hand, recording what it receives and how it closed. */
export interface RawClient {
  ws: WebSocket;
  received: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array): void;
}

export async function connectRaw(url: string): Promise<RawClient> {
  const ws = new WebSocket(url);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, received, closed, send: (bytes) => ws.send(bytes) };
}

/** Resolves with the first close code in `codes` the client sees. */
export function closedWith(client: TestClient, code: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (client.closeCodes.includes(code)) {
        client.provider.off('connection-close', check);
        resolve();
      }
    };
    client.provider.on('connection-close', check);
    check();
  });
}

/** A person of the seeded room. */
export type Who = keyof Omit<SeededRoom, 'room'>;

/** Stock clients of one seeded room, on one or several apps, destroyed together. */
export class RoomClients {
  private readonly clients: TestClient[] = [];

  constructor(
    private readonly app: TestApp,
    readonly seeded: SeededRoom,
  ) {}

  token(who: Who): Promise<string> {
    return tokenFor(this.app.app.context.secret, this.seeded[who]);
  }

  /** Connects `who` to a document of the room (on `app`, by default the first) and waits for sync. */
  async connect(who: Who, kind: DocKind = 'minutes', options: { app?: TestApp; sync?: boolean } = {}) {
    const app = options.app ?? this.app;
    const client = connectClient(app.url, this.seeded.room.id, kind, await this.token(who));
    this.clients.push(client);
    if (options.sync ?? true) await client.synced();
    return client;
  }

  destroyAll(): void {
    this.clients.splice(0).forEach((c) => c.destroy());
  }
}
