import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docName } from '@roundtable/shared';
import { readStoredState } from '../collab/persistence.js';
import {
  connectClient,
  seedRoom,
  tokenFor,
  type SeededRoom,
  type TestClient,
} from '../collab/test-support.js';
import { openStore } from '../store/db.js';
import { startPrivatePostgres, type PrivatePostgres } from '../test/private-services.js';
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

// Ports of this file (the fault tests own 4420-4429; each file its own).
const PG_PORT = 4420;
const SERVER_PORT = 4421;

describe('PostgreSQL stopped mid-traffic (one instance, its own cluster)', () => {
  let pg: PrivatePostgres;
  let server: ServerProcess;
  let seeded: SeededRoom;
  const clients: TestClient[] = [];
  const sockets: FaultSocket[] = [];

  beforeAll(async () => {
    pg = await startPrivatePostgres(PG_PORT);
    const store = await openStore({ kind: 'postgres', connectionString: pg.url });
    seeded = await seedRoom(store.db);
    await store.close();
    server = startServerProcess({ port: SERVER_PORT, databaseUrl: pg.url });
    await untilReadiness(server, 200);
  }, 120_000);

  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    sockets.forEach((s) => s.disconnect());
    await server?.kill('SIGKILL');
    await pg?.destroy();
  });

  it('keeps running, says which dependency is down, answers commands quickly and loses no edit', async () => {
    const writers = await Promise.all(
      (['noteTaker', 'coChair'] as const).map(async (who) => {
        const client = connectClient(
          server.url,
          seeded.room.id,
          'minutes',
          await tokenFor(faultSecret, seeded[who]),
        );
        clients.push(client);
        await client.synced();
        return { client, typing: typist(client, who) };
      }),
    );
    const reader = connectClient(
      server.url,
      seeded.room.id,
      'minutes',
      await tokenFor(faultSecret, seeded.participant),
    );
    clients.push(reader);
    const participant = await socketFor(server.url, seeded.participant);
    sockets.push(participant);
    const raise = await command(participant, 'speaking:raise-hand', { roomId: seeded.room.id });
    expect(raise.ok).toBe(true);
    const progress = { timeout: 30_000 };
    await vi.waitFor(
      () => writers.forEach((w) => expect(w.typing.typed.length).toBeGreaterThan(10)),
      progress,
    );

    // Connections of the pool are busy with queries at this moment: both kinds of 'error' event.
    await pg.stop('immediate');
    await untilReadiness(server, 503, [/^store: /]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);

    // A command needing the store answers quickly with a code the client understands.
    const startedAt = Date.now();
    const during = await command(participant, 'speaking:lower-hand', { roomId: seeded.room.id });
    const tookMs = Date.now() - startedAt;
    if (!during.ok) expect(during.error.code).toBe('unavailable');
    expect(tookMs).toBeLessThan(10_000);

    // Typing goes on for a while and still reaches the reader on the same instance.
    const typedAtStop = writers.map((w) => w.typing.typed.length);
    await vi.waitFor(
      () => writers.forEach((w, i) => expect(w.typing.typed.length).toBeGreaterThan(typedAtStop[i]! + 40)),
      progress,
    );
    const typedDuringOutage = writers.flatMap((w) => w.typing.typed);
    await vi.waitFor(() => expect(missingWords(typedDuringOutage, reader.text())).toEqual([]), progress);
    expectRunning(server);

    await pg.start();
    await untilReadiness(server, 200);
    writers.forEach((w) => w.typing.stop());
    const everyWord = writers.flatMap((w) => w.typing.typed);
    await vi.waitFor(() => expect(missingWords(everyWord, reader.text())).toEqual([]), progress);
    const name = docName(seeded.room.id, 'minutes');
    await vi.waitFor(async () => {
      const store = await openStore({ kind: 'postgres', connectionString: pg.url });
      try {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, await readStoredState(store.db, name));
        expect(missingWords(everyWord, doc.getText('t').toJSON())).toEqual([]);
      } finally {
        await store.close();
      }
    }, progress);
    const after = await command(participant, 'speaking:raise-hand', { roomId: seeded.room.id });
    expect(after, JSON.stringify(after)).toMatchObject({ ok: true });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const unready = /roundtable_dependency_unready_seconds_total\{dependency="store"\} ([\d.]+)/.exec(
      metrics,
    );
    expect(Number(unready?.[1])).toBeGreaterThan(0);
    expectRunning(server);
  }, 180_000);
});
