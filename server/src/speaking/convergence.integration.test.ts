import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  applySpeakingCommand,
  initialSpeakingState,
  SpeakingCommandAckSchema,
  type Ack,
  type ClientToServerEvents,
  type SpeakingState,
} from '@roundtable/shared';
import type { TestApp } from '../test/app.js';
import type { SpeakingModule } from './module.js';
import type { AcceptedCommand } from './service.js';
import {
  buildMeeting,
  call,
  connectAs,
  follow,
  startInstances,
  type Meeting,
  type TestClient,
} from './test-helpers.js';

/** A small deterministic PRNG, so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env['SPEAKING_SEED'] ?? Date.now() % 100_000);
const COMMANDS = 320;
const WAVE = 16;

let instances: TestApp[] = [];
let meeting: Meeting;
const accepted: AcceptedCommand[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  instances = await startInstances(2);
  for (const instance of instances) {
    (instance.app.context.modules.get('speaking') as SpeakingModule).onAccepted((a) => accepted.push(a));
  }
  meeting = await buildMeeting(instances[0]!.store.db, { participants: 16 });
});

afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const instance of instances) await instance.close();
});

type Event = keyof ClientToServerEvents & `speaking:${string}`;

describe('two co-chairs and many participants on two instances sharing Redis and PostgreSQL', () => {
  it('end on one identical state everywhere, equal to replaying the accepted commands in version order', async () => {
    const roomId = meeting.room.id;
    const people = [...meeting.chairs, ...meeting.participants];
    // Alternate instances: chair 0 and even participants on A, chair 1 and odd participants on B.
    for (const [i, person] of people.entries()) clients.push(await connectAs(instances[i % 2]!, person.id));
    const views = await Promise.all(clients.map((c) => follow(c, roomId)));
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const entryOf = (view: (typeof views)[number]) => {
      const entries = view.latest().state.entries;
      return entries.length > 0 ? pick(entries).id : 'e-none';
    };

    const plan = (): { client: TestClient; event: Event; payload: Record<string, unknown> } => {
      const who = Math.floor(random() * people.length);
      const client = clients[who]!;
      const view = views[who]!;
      if (who >= 2) {
        const kind = pick([
          'normal',
          'normal',
          'normal',
          'normal',
          'point_of_order',
          'direct_reply',
        ] as const);
        return random() < 0.75
          ? { client, event: 'speaking:raise-hand', payload: { roomId, kind } }
          : { client, event: 'speaking:lower-hand', payload: { roomId } };
      }
      const r = random();
      if (r < 0.3) return { client, event: 'speaking:give-floor', payload: { roomId } };
      if (r < 0.38)
        return { client, event: 'speaking:give-floor', payload: { roomId, entryId: entryOf(view) } };
      if (r < 0.48) return { client, event: 'speaking:end-turn', payload: { roomId } };
      if (r < 0.53) return { client, event: 'speaking:pause', payload: { roomId } };
      if (r < 0.58) return { client, event: 'speaking:resume', payload: { roomId } };
      if (r < 0.62) return { client, event: 'speaking:extend', payload: { roomId, seconds: 30 } };
      if (r < 0.7) {
        return {
          client,
          event: 'speaking:move',
          payload: { roomId, entryId: entryOf(view), toIndex: Math.floor(random() * 8) },
        };
      }
      if (r < 0.76) return { client, event: 'speaking:remove', payload: { roomId, entryId: entryOf(view) } };
      if (r < 0.84)
        return {
          client,
          event: 'speaking:add',
          payload: { roomId, personId: pick(meeting.participants).id },
        };
      if (r < 0.87) return { client, event: 'speaking:readd-last', payload: { roomId } };
      if (r < 0.9)
        return { client, event: random() < 0.3 ? 'speaking:close' : 'speaking:open', payload: { roomId } };
      if (r < 0.93) return { client, event: 'speaking:clear', payload: { roomId } };
      return {
        client,
        event: 'speaking:update-settings',
        payload: {
          roomId,
          settings: { rotation: pick(['off', 'side', 'category'] as const), firstTimeFirst: random() < 0.5 },
        },
      };
    };

    const acks: Array<Ack<unknown>> = [];
    for (let sent = 0; sent < COMMANDS; sent += WAVE) {
      const wave = Array.from({ length: WAVE }, plan);
      acks.push(
        ...(await Promise.all(
          wave.map(({ client, event, payload }) =>
            call(client, event, payload as Parameters<ClientToServerEvents[Event]>[0]),
          ),
        )),
      );
    }

    const failures = acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code));
    expect(failures).not.toContain('internal_error');
    expect(failures).not.toContain('unavailable');
    const ackedVersions = acks.flatMap((a) => (a.ok ? [SpeakingCommandAckSchema.parse(a.data).version] : []));
    // Random commands are often refused (lowering a hand not raised…); how many depends on the
    // interleaving. A fifth accepted still exercises hundreds of versions across both instances.
    expect(ackedVersions.length).toBeGreaterThan(COMMANDS / 5);

    // Every accepted command got its own version, with no gap: nothing lost, nothing applied twice.
    const ordered = [...accepted].filter((a) => a.roomId === roomId).sort((x, y) => x.version - y.version);
    expect(ordered.map((a) => a.version)).toEqual(ordered.map((_, i) => i + 1));
    expect([...ackedVersions].sort((x, y) => x - y)).toEqual(ordered.map((a) => a.version));

    let replayed: SpeakingState = initialSpeakingState();
    for (const a of ordered) {
      const result = applySpeakingCommand(replayed, a.command, a.actor, a.at);
      if ('error' in result) throw new Error(`replay refused version ${a.version}: ${result.error.code}`);
      replayed = result.state;
    }

    const finalVersion = ordered.length;
    await vi.waitFor(
      () => {
        for (const view of views) expect(view.latest().version).toBe(finalVersion);
      },
      { timeout: 15_000 },
    );
    for (const view of views) expect(view.latest().state).toEqual(replayed);
    for (const instance of instances) {
      const live = await (instance.app.context.modules.get('speaking') as SpeakingModule).service.current(
        roomId,
      );
      expect(live).toEqual({ version: finalVersion, state: replayed });
    }
    const stored = await instances[1]!.store.db
      .selectFrom('room_state')
      .select(['state', 'version'])
      .where('room_id', '=', roomId)
      .where('kind', '=', 'speaking')
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(finalVersion);
    expect(JSON.parse(stored.state)).toEqual(replayed);
  }, 120_000);
});
