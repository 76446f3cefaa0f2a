import crypto from 'node:crypto';
import {
  toText,
  type Delegation,
  type Event,
  type EventMember,
  type Invitation,
  type Loosely,
  type Person,
  type Room,
  type RoomRole,
  type Series,
} from '@roundtable/shared';
import { createSessionRow, SESSION_COOKIE } from '../auth/sessions.js';
import { hashPassword } from '../auth/passwords.js';
import { signWsToken } from '../auth/tokens.js';
import {
  delegationToRow,
  eventColumns,
  memberToRow,
  personToRow,
  roomColumns,
  seriesToRow,
} from '../events/rows.js';
import { issueInvitation } from '../registration/invitations.js';
import type { Db } from '../store/db.js';
import type { TestApp } from './app.js';

/*
 * Test builders: each inserts one realistic row straight into the store and returns the domain
 * object. Append new builders at the end; several engineers add to this file. Bilingual fields
 * take a plain string too (stored under the language of its script, as the API does).
 */

const nowIso = (): string => new Date().toISOString();
const newId = (): string => crypto.randomUUID();
const suffix = (): string => crypto.randomBytes(3).toString('hex');

export async function buildPerson(db: Db, overrides: Partial<Person> = {}): Promise<Person> {
  const id = overrides.id ?? newId();
  const person: Person = {
    id,
    name: `Person ${suffix()}`,
    email: `person-${id.slice(0, 8)}@example.org`,
    organization: 'Ministry of Examples',
    phone: null,
    isOrganizer: false,
    ...overrides,
  };
  await db.insertInto('people').values(personToRow(person, nowIso())).execute();
  return person;
}

export function buildOrganizer(db: Db, overrides: Partial<Person> = {}): Promise<Person> {
  return buildPerson(db, {
    name: `Organizer ${suffix()}`,
    organization: 'Secretariat',
    ...overrides,
    isOrganizer: true,
  });
}

export async function buildSeries(db: Db, overrides: Partial<Loosely<Series>> = {}): Promise<Series> {
  const loose: Loosely<Series> = {
    id: newId(),
    title: 'Foreign Workers Round Table',
    description: 'A monthly round-table series.',
    ...overrides,
  };
  const series: Series = { ...loose, title: toText(loose.title), description: toText(loose.description) };
  await db.insertInto('series').values(seriesToRow(series, nowIso())).execute();
  return series;
}

export async function buildEvent(db: Db, overrides: Partial<Loosely<Event>> = {}): Promise<Event> {
  const loose: Loosely<Event> = {
    id: newId(),
    seriesId: null,
    title: `Round Table ${suffix()}`,
    theme: 'Labour and human rights in supply chains',
    description: 'Kick-off session.',
    timeZone: 'Asia/Tokyo',
    sessions: [
      {
        id: 's1',
        label: 'Day 1',
        startsAt: '2018-10-10T01:00:00.000Z',
        endsAt: '2018-10-10T04:00:00.000Z',
      },
    ],
    venues: [
      { id: 'tokyo', name: 'Tokyo', kind: 'in_person' },
      { id: 'osaka', name: 'Osaka', kind: 'in_person' },
    ],
    registrationOpen: false,
    reportVisibility: 'participants',
    ...overrides,
  };
  const event: Event = {
    ...loose,
    title: toText(loose.title),
    theme: toText(loose.theme),
    description: toText(loose.description),
    sessions: loose.sessions.map((s) => ({ ...s, label: toText(s.label) })),
    venues: loose.venues.map((v) => ({ ...v, name: toText(v.name) })),
  };
  const at = nowIso();
  await db
    .insertInto('events')
    .values({ id: event.id, ...eventColumns(event), created_at: at, updated_at: at })
    .execute();
  return event;
}

export async function buildRoom(
  db: Db,
  eventId: string,
  overrides: Partial<Omit<Loosely<Room>, 'eventId'>> = {},
): Promise<Room> {
  const loose: Loosely<Room> = {
    id: newId(),
    eventId,
    name: `Dialogue ${suffix()}`,
    description: '',
    position: 0,
    access: { mode: 'event' },
    floorMode: 'moderated',
    mediaEnabled: true,
    lobbyEnabled: false,
    hideDraftMinutes: false,
    ...overrides,
  };
  const room: Room = { ...loose, name: toText(loose.name), description: toText(loose.description) };
  await db
    .insertInto('rooms')
    .values({ id: room.id, event_id: eventId, ...roomColumns(room), created_at: nowIso() })
    .execute();
  return room;
}

export async function buildDelegation(
  db: Db,
  eventId: string,
  overrides: Partial<Omit<Loosely<Delegation>, 'eventId'>> = {},
): Promise<Delegation> {
  const side = overrides.side ?? `Side ${suffix()}`;
  const loose: Loosely<Delegation> = {
    id: newId(),
    eventId,
    side,
    category: 'government',
    name: `${side} delegation`,
    ...overrides,
  };
  const delegation: Delegation = { ...loose, name: toText(loose.name) };
  await db.insertInto('delegations').values(delegationToRow(delegation)).execute();
  return delegation;
}

export async function buildMember(
  db: Db,
  eventId: string,
  personId: string,
  overrides: Partial<Pick<EventMember, 'delegationId' | 'place'>> = {},
): Promise<EventMember> {
  const member: EventMember = { eventId, personId, delegationId: null, place: null, ...overrides };
  await db.insertInto('event_members').values(memberToRow(member)).execute();
  return member;
}

export async function buildRoomRole(db: Db, roomId: string, personId: string, role: RoomRole): Promise<void> {
  await db.insertInto('room_roles').values({ room_id: roomId, person_id: personId, role }).execute();
}

/** Starts a session for `personId` and returns the `Cookie` header value (`rt_session=<token>`). */
export async function sessionCookieFor(db: Db, personId: string): Promise<string> {
  const { token } = await createSessionRow(db, personId, Date.now());
  return `${SESSION_COOKIE}=${token}`;
}

/** Password of organizers built by `buildOrganizerWithPassword` unless one is given. */
export const TEST_PASSWORD = 'correct horse battery staple';
// argon2 costs ~0.2 s per hash on purpose; the default password is hashed once per test process.
let testPasswordHash: Promise<string> | null = null;

/** An organizer who can sign in with email and password; returns the password in clear. */
export async function buildOrganizerWithPassword(
  db: Db,
  overrides: Partial<Person> & { password?: string } = {},
): Promise<{ person: Person; password: string }> {
  const { password = TEST_PASSWORD, ...personOverrides } = overrides;
  const passwordHash =
    password === TEST_PASSWORD
      ? await (testPasswordHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(password);
  const person = await buildOrganizer(db, personOverrides);
  await db.updateTable('people').set({ password_hash: passwordHash }).where('id', '=', person.id).execute();
  return { person, password };
}

/** Signs `personId` in on `testApp`; returns the `Cookie` header value for requests. */
export function signInAs(testApp: TestApp, personId: string): Promise<string> {
  return sessionCookieFor(testApp.store.db, personId);
}

/** A websocket token (Socket.IO `auth.token`, Yjs, LiveKit join) for `personId` on `testApp`. */
export async function wsTokenFor(testApp: TestApp, personId: string): Promise<string> {
  const person = await testApp.store.db
    .selectFrom('people')
    .select(['name', 'is_organizer'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const { token } = await signWsToken(
    testApp.app.context.secret,
    { sub: personId, name: person.name, org: person.is_organizer === 1 },
    Date.now(),
  );
  return token;
}

/** An invitation link for `personId` to `eventId`, valid 30 days unless overridden; returns its token. */
export async function buildInvitation(
  db: Db,
  eventId: string,
  personId: string,
  overrides: Partial<Pick<Invitation, 'expiresAt' | 'revokedAt'>> = {},
): Promise<{ invitation: Invitation; token: string }> {
  const {
    token,
    url: _url,
    ...issued
  } = await issueInvitation(db, {
    eventId,
    personId,
    validForDays: 30,
    nowMs: Date.now(),
    origin: 'http://localhost',
  });
  const invitation: Invitation = { ...issued, ...overrides };
  await db
    .updateTable('invitations')
    .set({ expires_at: invitation.expiresAt, revoked_at: invitation.revokedAt })
    .where('id', '=', invitation.id)
    .execute();
  return { invitation, token };
}
