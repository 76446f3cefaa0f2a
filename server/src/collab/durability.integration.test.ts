import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docName } from '@roundtable/shared';
import { openStore } from '../store/db.js';
import { readStoredState } from './persistence.js';
import { faultSecret, startServerProcess, typist as typistEvery } from '../faults/harness.js';
import { connectClient, seedRoom, tokenFor, type TestClient } from './test-support.js';

const typist = (client: TestClient, name: string) => typistEvery(client, name, 15);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The real server as its own process, as production runs it. */
function startServer(dataDir: string, port: number): ChildProcess {
  return startServerProcess({ port, dataDir }).child;
}

async function untilHealthy(port: number): Promise<void> {
  await vi.waitFor(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
    },
    { timeout: 60_000, interval: 200 },
  );
}

/** The document's text as the SQLite file holds it (read beside a running or dead server). */
async function storedText(file: string, name: string): Promise<string> {
  const store = await openStore({ kind: 'sqlite', file });
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await readStoredState(store.db, name));
    return doc.getText('t').toJSON();
  } finally {
    await store.close();
  }
}

describe('durability', () => {
  const children: ChildProcess[] = [];
  const clients: TestClient[] = [];
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy());
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('after a SIGKILL while everyone types, a restart keeps every edit of every client', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-sigkill-'));
    const file = path.join(dataDir, 'roundtable.db');
    const seedStore = await openStore({ kind: 'sqlite', file });
    const seeded = await seedRoom(seedStore.db);
    await seedStore.close();
    const secret = faultSecret;
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;

    const first = startServer(dataDir, port);
    children.push(first);
    await untilHealthy(port);
    const writers = await Promise.all(
      (['noteTaker', 'coChair', 'organizer'] as const).map(async (who) => {
        const client = connectClient(origin, seeded.room.id, 'minutes', await tokenFor(secret, seeded[who]));
        clients.push(client);
        await client.synced();
        return { client, typing: typist(client, who) };
      }),
    );
    const reader = connectClient(
      origin,
      seeded.room.id,
      'minutes',
      await tokenFor(secret, seeded.participant),
    );
    clients.push(reader);
    const progress = { timeout: 15_000 };
    await vi.waitFor(
      () => writers.forEach((w) => expect(w.typing.typed.length).toBeGreaterThan(30)),
      progress,
    );
    // What a reader saw well before the crash had been relayed, and so must have been stored.
    const seenBeforeCrash = reader.text().split(';').filter(Boolean);
    const typedAtSnapshot = writers.map((w) => w.typing.typed.length);
    await vi.waitFor(
      () =>
        writers.forEach((w, i) =>
          expect(w.typing.typed.length).toBeGreaterThan((typedAtSnapshot[i] ?? 0) + 20),
        ),
      progress,
    );

    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    expect(seenBeforeCrash.length).toBeGreaterThan(60);
    const afterCrash = await storedText(file, docName(seeded.room.id, 'minutes'));
    expect(seenBeforeCrash.filter((word) => !afterCrash.includes(`${word};`))).toEqual([]);
    // They keep typing while the server is gone; the provider reconnects with backoff.
    await vi.waitFor(
      () => writers.forEach((w) => expect(w.client.provider.wsconnected).toBe(false)),
      progress,
    );
    const typedWhileDown = writers.map((w) => w.typing.typed.length);
    await vi.waitFor(
      () =>
        writers.forEach((w, i) =>
          expect(w.typing.typed.length).toBeGreaterThan((typedWhileDown[i] ?? 0) + 10),
        ),
      progress,
    );

    const second = startServer(dataDir, port);
    children.push(second);
    await untilHealthy(port);
    await vi.waitFor(() => writers.forEach((w) => expect(w.client.provider.synced).toBe(true)), {
      timeout: 20_000,
    });
    const afterRestart = writers.map((w) => w.typing.typed.length);
    await vi.waitFor(
      () =>
        writers.forEach((w, i) => expect(w.typing.typed.length).toBeGreaterThan((afterRestart[i] ?? 0) + 10)),
      progress,
    );
    writers.forEach((w) => w.typing.stop());

    const everyWord = writers.flatMap((w) => w.typing.typed);
    await vi.waitFor(
      () => {
        for (const { client } of writers) {
          const text = client.text();
          expect(everyWord.filter((word) => !text.includes(word))).toEqual([]);
        }
        expect(new Set(writers.map((w) => w.client.text())).size).toBe(1);
      },
      { timeout: 20_000 },
    );
    await vi.waitFor(
      async () =>
        expect(await storedText(file, docName(seeded.room.id, 'minutes'))).toBe(writers[0]?.client.text()),
      { timeout: 10_000 },
    );
    expect(reader.text()).toBe(writers[0]?.client.text());
  }, 180_000);
});
