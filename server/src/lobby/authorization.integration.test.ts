import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import {
  buildMeeting,
  call,
  connectEveryRole,
  MEETING_ROLES,
  type Meeting,
  type MeetingRole,
  type TestClient,
} from '../speaking/test-helpers.js';

type Role = MeetingRole;
type Event = keyof ClientToServerEvents & `lobby:${string}`;

const ROLES = MEETING_ROLES;
const MODERATORS: Role[] = ['organizer', 'co_chair'];

let app: TestApp;
let meeting: Meeting;
let sockets = new Map<Role, TestClient>();

beforeAll(async () => {
  app = await startTestApp();
  meeting = await buildMeeting(app.store.db, { lobbyEnabled: true });
  sockets = await connectEveryRole(app, meeting);
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
