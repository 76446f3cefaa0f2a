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
} from './test-helpers.js';

type Role = MeetingRole;
type Event = keyof ClientToServerEvents & `speaking:${string}`;

const ROLES = MEETING_ROLES;
const MODERATORS: Role[] = ['organizer', 'co_chair'];
const SPEAKERS: Role[] = ['organizer', 'co_chair', 'note_taker', 'participant'];
const MEMBERS: Role[] = [...SPEAKERS, 'observer'];

/** Each command with who may send it; everyone else gets the refusal code given. */
const MATRIX: Array<{ event: Event; payload: Record<string, unknown>; allowed: Role[]; refusal?: string }> = [
  { event: 'speaking:subscribe', payload: {}, allowed: MEMBERS },
  {
    event: 'speaking:raise-hand',
    payload: { kind: 'normal' },
    allowed: SPEAKERS,
    refusal: 'observer_cannot_speak',
  },
  { event: 'speaking:lower-hand', payload: {}, allowed: SPEAKERS, refusal: 'observer_cannot_speak' },
  { event: 'speaking:give-floor', payload: {}, allowed: MODERATORS },
  { event: 'speaking:pause', payload: {}, allowed: MODERATORS },
  { event: 'speaking:resume', payload: {}, allowed: MODERATORS },
  { event: 'speaking:extend', payload: { seconds: 10 }, allowed: MODERATORS },
  { event: 'speaking:end-turn', payload: {}, allowed: MODERATORS },
  { event: 'speaking:move', payload: { entryId: 'e1', toIndex: 0 }, allowed: MODERATORS },
  { event: 'speaking:remove', payload: { entryId: 'e1' }, allowed: MODERATORS },
  { event: 'speaking:add', payload: {}, allowed: MODERATORS },
  { event: 'speaking:readd-last', payload: {}, allowed: MODERATORS },
  { event: 'speaking:close', payload: {}, allowed: MODERATORS },
  { event: 'speaking:open', payload: {}, allowed: MODERATORS },
  { event: 'speaking:clear', payload: {}, allowed: MODERATORS },
  { event: 'speaking:update-settings', payload: { settings: { rotation: 'side' } }, allowed: MODERATORS },
  { event: 'speaking:stats', payload: {}, allowed: MODERATORS },
  { event: 'speaking:unsubscribe', payload: {}, allowed: [...ROLES] },
];

/** Refusals that mean "not allowed"; anything else (accepted or a domain refusal) passed authorization. */
const AUTH_REFUSALS = new Set(['forbidden', 'observer_cannot_speak', 'not_admitted']);

let app: TestApp;
let meeting: Meeting;
let sockets = new Map<Role, TestClient>();

beforeAll(async () => {
  app = await startTestApp();
  meeting = await buildMeeting(app.store.db);
  sockets = await connectEveryRole(app, meeting);
});

afterAll(async () => {
  for (const s of sockets.values()) s.disconnect();
  await app.close();
});

describe('who may send each speaking command', () => {
  for (const { event, payload, allowed, refusal } of MATRIX) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      const expected = may ? 'allowed' : role === 'outsider' ? 'forbidden' : (refusal ?? 'forbidden');
      it(`${event} by ${role.replace('_', '-')}: ${expected}`, async () => {
        const target = event === 'speaking:add' ? { personId: meeting.participants[1]!.id } : {};
        const ack = await call(sockets.get(role)!, event, { roomId: meeting.room.id, ...payload, ...target });
        const outcome = ack.ok || !AUTH_REFUSALS.has(ack.error.code) ? 'allowed' : ack.error.code;
        expect(outcome).toBe(expected);
      });
    }
  }

  it('refuses to add someone who cannot speak in the room', async () => {
    const ack = await call(sockets.get('co_chair')!, 'speaking:add', {
      roomId: meeting.room.id,
      personId: meeting.observer.id,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'target_cannot_speak' } });
  });

  it('answers not_found for a room that does not exist', async () => {
    const ack = await call(sockets.get('organizer')!, 'speaking:raise-hand', { roomId: 'no-such-room' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
