import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SpeakingCommandAckSchema } from '@roundtable/shared';
import type { TestApp } from '../test/app.js';
import {
  buildMeeting,
  call,
  connectAs,
  follow,
  startInstances,
  type Meeting,
  type TestClient,
} from './test-helpers.js';

const PARTICIPANTS = Number(process.env['SPEAKING_BURST'] ?? 200);

let instances: TestApp[] = [];
let meeting: Meeting;
const clients: TestClient[] = [];

beforeAll(async () => {
  instances = await startInstances(2);
  meeting = await buildMeeting(instances[0]!.store.db, { participants: PARTICIPANTS });
  for (const [i, p] of meeting.participants.entries()) clients.push(await connectAs(instances[i % 2]!, p.id));
}, 240_000);

afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const instance of instances) await instance.close();
});

describe('a burst of hand raises on two instances', () => {
  it('acknowledges every raise and lists each participant exactly once, on every client', async () => {
    const roomId = meeting.room.id;
    const views = await Promise.all(clients.map((c) => follow(c, roomId)));
    const started = performance.now();
    const acks = await Promise.all(clients.map((c) => call(c, 'speaking:raise-hand', { roomId })));
    const ackedMs = performance.now() - started;
    const versions = acks.map((a) => {
      if (!a.ok) throw new Error(`refused: ${a.error.code}`);
      return SpeakingCommandAckSchema.parse(a.data).version;
    });
    expect(new Set(versions).size).toBe(PARTICIPANTS);
    const done: number[] = [];
    await vi.waitFor(
      () => {
        views.forEach((v, i) => {
          if (done[i] === undefined && v.latest().version === PARTICIPANTS)
            done[i] = performance.now() - started;
        });
        expect(done.filter((d) => d !== undefined)).toHaveLength(PARTICIPANTS);
      },
      { timeout: 60_000, interval: 20 },
    );
    for (const view of views) {
      const ids = view.latest().state.entries.map((e) => e.personId);
      expect(new Set(ids).size).toBe(PARTICIPANTS);
      expect(ids.sort()).toEqual(meeting.participants.map((p) => p.id).sort());
    }
    const sorted = [...done].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    process.stdout.write(
      `burst ${PARTICIPANTS}: all acked in ${Math.round(ackedMs)} ms; final state on clients p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms\n`,
    );
  }, 120_000);
});
