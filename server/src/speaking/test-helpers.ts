import type {
  Ack,
  ClientToServerEvents,
  Person,
  Room,
  RoomRole,
  SpeakingStatePush,
} from '@roundtable/shared';
import { connectAs, type TestSocket } from '../presence/testing.js';
import {
  buildDelegation,
  buildEvent,
  buildMember,
  buildOrganizer,
  buildPerson,
  buildRoom,
  buildRoomRole,
} from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { freshStoreOptions, uniqueRedisPrefix } from '../test/stores.js';
import type { Db } from '../store/db.js';

/* Test-only helpers for the speaking and lobby integration tests. */

export type TestClient = TestSocket;
export { connectAs };

/** A round table: two sides, a room, and people in every role. */
export interface Meeting {
  room: Room;
  organizer: Person;
  chairs: Person[];
  participants: Person[];
  noteTaker: Person;
  observer: Person;
  /** A member of the event the room's rule does not admit. */
  outsider: Person;
}

export async function buildMeeting(
  db: Db,
  options: { participants?: number; lobbyEnabled?: boolean } = {},
): Promise<Meeting> {
  const event = await buildEvent(db);
  const japan = await buildDelegation(db, event.id, { side: 'Japan', category: 'government' });
  const usa = await buildDelegation(db, event.id, { side: 'United States', category: 'government' });
  const civil = await buildDelegation(db, event.id, { side: 'Japan', category: 'civil_society' });
  const room = await buildRoom(db, event.id, {
    access: { mode: 'restricted', categories: ['government'], personIds: [] },
    lobbyEnabled: options.lobbyEnabled ?? false,
  });
  const member = async (delegationId: string, role: RoomRole | null, name?: string) => {
    const person = await buildPerson(db, name ? { name } : {});
    await buildMember(db, event.id, person.id, { delegationId });
    if (role) await buildRoomRole(db, room.id, person.id, role);
    return person;
  };
  const chairs = [
    await member(japan.id, 'co_chair', 'Chair Japan'),
    await member(usa.id, 'co_chair', 'Chair US'),
  ];
  const participants: Person[] = [];
  for (let i = 0; i < (options.participants ?? 4); i++) {
    participants.push(await member(i % 2 === 0 ? japan.id : usa.id, null, `Delegate ${i}`));
  }
  return {
    room,
    organizer: await buildOrganizer(db),
    chairs,
    participants,
    noteTaker: await member(japan.id, 'note_taker'),
    observer: await member(usa.id, 'observer'),
    outsider: await member(civil.id, null),
  };
}

/** Starts `count` instances sharing one fresh PostgreSQL database and one Redis prefix. */
export async function startInstances(count: number): Promise<TestApp[]> {
  const storeOptions = await freshStoreOptions('postgres');
  const redisPrefix = uniqueRedisPrefix();
  const instances: TestApp[] = [];
  for (let i = 0; i < count; i++) instances.push(await startTestApp({ storeOptions, redisPrefix }));
  return instances;
}

/** Emits an event and resolves with its acknowledgement. */
export function call<E extends keyof ClientToServerEvents>(
  socket: TestClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Ack<unknown>> {
  return new Promise((resolve) => {
    const emit = socket.emit.bind(socket) as (e: string, p: unknown, cb: (ack: Ack<unknown>) => void) => void;
    emit(event, payload, resolve);
  });
}

/** Subscribes to a room's speaking order and keeps the newest state the client has received. */
export async function follow(
  socket: TestClient,
  roomId: string,
): Promise<{ latest: () => SpeakingStatePush }> {
  let latest: SpeakingStatePush | null = null;
  socket.on('speaking:state', (push) => {
    if (push.roomId === roomId && (!latest || push.version > latest.version)) latest = push;
  });
  const ack = await call(socket, 'speaking:subscribe', { roomId });
  if (!ack.ok) throw new Error(`subscribe refused: ${ack.error.code}`);
  const initial = ack.data as SpeakingStatePush;
  if (!latest || initial.version > (latest as SpeakingStatePush).version) latest = initial;
  return {
    latest: () => {
      if (!latest) throw new Error('no state yet');
      return latest;
    },
  };
}

/** Everyone a room decision can concern: the room roles, organizers, and a member without access. */
export type MeetingRole = 'organizer' | 'co_chair' | 'note_taker' | 'participant' | 'observer' | 'outsider';
export const MEETING_ROLES: MeetingRole[] = [
  'organizer',
  'co_chair',
  'note_taker',
  'participant',
  'observer',
  'outsider',
];

/** One connected client per role of the meeting. */
export async function connectEveryRole(
  app: TestApp,
  meeting: Meeting,
): Promise<Map<MeetingRole, TestClient>> {
  const people: Record<MeetingRole, string> = {
    organizer: meeting.organizer.id,
    co_chair: meeting.chairs[0]!.id,
    note_taker: meeting.noteTaker.id,
    participant: meeting.participants[0]!.id,
    observer: meeting.observer.id,
    outsider: meeting.outsider.id,
  };
  const sockets = new Map<MeetingRole, TestClient>();
  for (const role of MEETING_ROLES) sockets.set(role, await connectAs(app, people[role]));
  return sockets;
}
