import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docName } from '@roundtable/shared';
import { readStoredState } from '../collab/persistence.js';
import { docUrl, RoomClients, seedRoom, upgradeStatus, type SeededRoom } from '../collab/test-support.js';
import { openStore, type StoreOptions } from '../store/db.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { startPrivatePostgres, type PrivatePostgres } from '../test/private-services.js';
import { uniqueRedisPrefix } from '../test/stores.js';
import { missingWords, typist } from './harness.js';

const PG_PORT = 4424;

describe('the hop between instances does not wait for the store', () => {
  let pg: PrivatePostgres;
  let storeOptions: StoreOptions;
  let a: TestApp;
  let b: TestApp;
  let seeded: SeededRoom;
  let room: RoomClients;

  beforeAll(async () => {
    pg = await startPrivatePostgres(PG_PORT);
    storeOptions = { kind: 'postgres', connectionString: pg.url, connectTimeoutMs: 2_000 };
    const redisPrefix = uniqueRedisPrefix();
    a = await startTestApp({ storeOptions, redisPrefix });
    b = await startTestApp({ storeOptions, redisPrefix });
    seeded = await seedRoom(a.store.db);
    room = new RoomClients(a, seeded);
  }, 120_000);
  afterAll(async () => {
    room?.destroyAll();
    await Promise.allSettled([a?.close(), b?.close()]);
    await pg?.destroy();
  });

  const storedText = async (): Promise<string> => {
    const store = await openStore(storeOptions);
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await readStoredState(store.db, docName(seeded.room.id, 'minutes')));
      return doc.getText('t').toJSON();
    } finally {
      await store.close();
    }
  };

  it('edits reach the other instance while the store is down, and are all stored once it returns', async () => {
    const writer = await room.connect('noteTaker', 'minutes', { app: a });
    const readerB = await room.connect('participant', 'minutes', { app: b });
    const typing = typist(writer, 'w');
    const progress = { timeout: 30_000 };
    await vi.waitFor(() => expect(typing.typed.length).toBeGreaterThan(5), progress);
    await vi.waitFor(
      () => expect(missingWords(typing.typed.slice(0, 5), readerB.text())).toEqual([]),
      progress,
    );

    await pg.stop('immediate');
    const typedAtStop = typing.typed.length;
    await vi.waitFor(() => expect(typing.typed.length).toBeGreaterThan(typedAtStop + 30), progress);
    // Typed while the store is down: on the other instance's client within seconds.
    const typedWhileDown = typing.typed.slice(typedAtStop);
    await vi.waitFor(() => expect(missingWords(typedWhileDown, readerB.text())).toEqual([]), progress);
    // Nobody new is let in meanwhile (the door checks roles in the store): a clear 503.
    const refused = await upgradeStatus(
      docUrl(b.url, seeded.room.id, 'minutes', await room.token('coChair')),
    );
    expect(refused).toBe(503);

    await pg.start();
    typing.stop();
    await vi.waitFor(
      async () => expect(missingWords(typing.typed, await storedText())).toEqual([]),
      progress,
    );
    expect(readerB.text()).toBe(writer.text());
  }, 180_000);
});
