import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReactionLimits, type ReactionStats } from '@roundtable/shared';
import { collect, disconnectAll } from '../presence/testing.js';
import { buildMeeting, call, connectAs, startInstances, type Meeting } from '../speaking/test-helpers.js';
import type { TestApp } from '../test/app.js';
import { ackCode } from '../chat/test-support.js';

let instances: TestApp[] = [];
let meeting: Meeting;

beforeAll(async () => {
  instances = await startInstances(2);
  meeting = await buildMeeting(instances[0]!.store.db);
}, 60_000);

afterAll(async () => {
  disconnectAll();
  for (const instance of instances) await instance.close();
});

describe('reactions over two instances', () => {
  it('appear on the other screens, count for the co-chairs, and are rate-limited', async () => {
    const roomId = meeting.room.id;
    const sender = await connectAs(instances[0]!, meeting.participants[0]!.id);
    const watcher = await connectAs(instances[1]!, meeting.participants[1]!.id);
    const chair = await connectAs(instances[1]!, meeting.chairs[0]!.id);
    const seen = collect(watcher, 'reactions:shown');
    for (const s of [sender, watcher, chair])
      expect(ackCode(await call(s, 'reactions:subscribe', { roomId }))).toBe('ok');
    expect(ackCode(await call(sender, 'reactions:send', { roomId, kind: 'cant_hear' }))).toBe('ok');
    await vi.waitFor(() =>
      expect(seen).toEqual([
        expect.objectContaining({ personId: meeting.participants[0]!.id, kind: 'cant_hear' }),
      ]),
    );
    const results = [];
    for (let i = 0; i < ReactionLimits.maxPer10s; i++)
      results.push(ackCode(await call(sender, 'reactions:send', { roomId, kind: 'agree' })));
    expect(results.filter((r) => r === 'ok')).toHaveLength(ReactionLimits.maxPer10s - 1);
    expect(results.at(-1)).toBe('rate_limited');
    const stats = await call(chair, 'reactions:stats', { roomId });
    expect(stats.ok && (stats.data as ReactionStats).counts).toMatchObject({
      cant_hear: 1,
      agree: ReactionLimits.maxPer10s - 1,
    });
    expect(ackCode(await call(watcher, 'reactions:stats', { roomId }))).toBe('forbidden');
  });

  it('refuses observers, outsiders and unknown kinds', async () => {
    const roomId = meeting.room.id;
    const observer = await connectAs(instances[0]!, meeting.observer.id);
    const outsider = await connectAs(instances[1]!, meeting.outsider.id);
    expect(ackCode(await call(observer, 'reactions:send', { roomId, kind: 'applause' }))).toBe('forbidden');
    expect(ackCode(await call(outsider, 'reactions:subscribe', { roomId }))).toBe('forbidden');
    expect(ackCode(await call(observer, 'reactions:send', { roomId, kind: 'boo' } as never))).toBe(
      'validation_failed',
    );
  });
});
