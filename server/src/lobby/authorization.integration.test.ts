import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildMeeting, call, connectAs, type Meeting, type TestClient } from '../speaking/test-helpers.js';

type Role = 'organizer' | 'co_chair' | 'note_taker' | 'participant' | 'observer' | 'outsider';
type Event = keyof ClientToServerEvents & `lobby:${string}`;

const ROLES: Role[] = ['organizer', 'co_chair', 'note_taker', 'participant', 'observer', 'outsider'];
const MODERATORS: Role[] = ['organizer', 'co_chair'];

let app: TestApp;
let meeting: Meeting;
const sockets = new Map<Role, TestClient>();

beforeAll(async () => {
  app = await startTestApp();
  meeting = await buildMeeting(app.store.db, { lobbyEnabled: true });
  const people: Record<Role, string> = {
    organizer: meeting.organizer.id,
    co_chair: meeting.chairs[0]!.id,
    note_taker: meeting.noteTaker.id,
    participant: meeting.participants[0]!.id,
    observer: meeting.observer.id,
    outsider: meeting.outsider.id,
  };
  for (const role of ROLES) sockets.set(role, await connectAs(app, people[role]));
});

afterAll(async () => {
  for (const s of sockets.values()) s.disconnect();
  await app.close();
});

describe('who may send each lobby command', () => {
  const matrix: Array<{ event: Event; payload: () => Record<string, unknown>; allowed: Role[] }> = [
    { event: 'lobby:join', payload: () => ({}), allowed: ROLES.filter((r) => r !== 'outsider') },
    { event: 'lobby:watch', payload: () => ({}), allowed: MODERATORS },
    {
      event: 'lobby:admit',
      payload: () => ({ personIds: [meeting.participants[1]!.id] }),
      allowed: MODERATORS,
    },
    { event: 'lobby:admit-all', payload: () => ({}), allowed: MODERATORS },
    {
      event: 'lobby:remove',
      payload: () => ({ personId: meeting.participants[2]!.id }),
      allowed: MODERATORS,
    },
  ];
  for (const { event, payload, allowed } of matrix) {
    for (const role of ROLES) {
      const expected = allowed.includes(role) ? 'allowed' : 'forbidden';
      it(`${event} by ${role.replace('_', '-')}: ${expected}`, async () => {
        const ack = await call(sockets.get(role)!, event, { roomId: meeting.room.id, ...payload() });
        expect(ack.ok ? 'allowed' : ack.error.code).toBe(expected);
      });
    }
  }
});
