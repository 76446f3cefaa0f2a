import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectClient, seedRoom, tokenFor, type TestClient } from '../collab/test-support.js';
import { openStore } from '../store/db.js';
import { freshStoreOptions } from '../test/stores.js';
import { startPrivateRedis, type PrivateRedis } from '../test/private-services.js';
import {
  command,
  expectRunning,
  faultSecret,
  missingWords,
  socketFor,
  startServerProcess,
  typist,
  untilReadiness,
  type FaultSocket,
  type ServerProcess,
} from './harness.js';

const REDIS_PORT = 4422;
const SERVER_PORT = 4423;

describe('Redis stopped mid-traffic, and absent at start (one instance, its own redis-server)', () => {
  let redis: PrivateRedis | null = null;
  let server: ServerProcess | null = null;
  const clients: TestClient[] = [];
  const sockets: FaultSocket[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    sockets.splice(0).forEach((s) => s.disconnect());
    await server?.kill('SIGKILL');
    await redis?.destroy();
  });

  const seed = async () => {
    const storeOptions = await freshStoreOptions('postgres');
    if (storeOptions.kind !== 'postgres') throw new Error('postgres expected');
    const store = await openStore(storeOptions);
    const seeded = await seedRoom(store.db);
    await store.close();
    return { seeded, databaseUrl: storeOptions.connectionString };
  };

  it('keeps running through a Redis outage and comes back ready with every edit', async () => {
    const { seeded, databaseUrl } = await seed();
    redis = await startPrivateRedis(REDIS_PORT);
    server = startServerProcess({ port: SERVER_PORT, databaseUrl, redisUrl: redis.url });
    await untilReadiness(server, 200);
    const writer = connectClient(
      server.url,
      seeded.room.id,
      'minutes',
      await tokenFor(faultSecret, seeded.noteTaker),
    );
    const reader = connectClient(
      server.url,
      seeded.room.id,
      'minutes',
      await tokenFor(faultSecret, seeded.participant),
    );
    clients.push(writer, reader);
    await writer.synced();
    const typing = typist(writer, 'w');
    const participant = await socketFor(server.url, seeded.participant);
    sockets.push(participant);
    expect(await command(participant, 'speaking:raise-hand', { roomId: seeded.room.id })).toMatchObject({
      ok: true,
    });
    await vi.waitFor(() => expect(typing.typed.length).toBeGreaterThan(10), { timeout: 30_000 });

    await redis.stop();
    await untilReadiness(server, 503, [/^redis: /]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const typedAtStop = typing.typed.length;
    await vi.waitFor(() => expect(typing.typed.length).toBeGreaterThan(typedAtStop + 30), {
      timeout: 30_000,
    });
    expectRunning(server);

    await redis.start();
    await untilReadiness(server, 200);
    typing.stop();
    await vi.waitFor(() => expect(missingWords(typing.typed, reader.text())).toEqual([]), {
      timeout: 30_000,
    });
    // Commands work again (the client reconnects its socket on its own).
    await vi.waitFor(
      async () => {
        const ack = await command(participant, 'speaking:lower-hand', { roomId: seeded.room.id }, 5_000);
        expect(ack.ok || ack.error.code !== 'timeout').toBe(true);
      },
      { timeout: 30_000 },
    );
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/unready_seconds_total\{dependency="redis"\} ([\d.]+)/.exec(metrics)?.[1])).toBeGreaterThan(
      0,
    );
    expectRunning(server);
  }, 180_000);

  it('listens at once while Redis is down: alive, not ready, and ready once Redis answers', async () => {
    const { databaseUrl } = await seed();
    server = startServerProcess({
      port: SERVER_PORT,
      databaseUrl,
      redisUrl: `redis://127.0.0.1:${REDIS_PORT}`,
    });
    await untilReadiness(server, 503, [/^redis: /]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const api = await fetch(`${server.url}/api/auth/me`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: 'unavailable' } });
    redis = await startPrivateRedis(REDIS_PORT);
    await untilReadiness(server, 200);
    expectRunning(server);
  }, 180_000);
});
