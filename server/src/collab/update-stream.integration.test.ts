import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docName } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { freshStoreOptions, uniqueRedisPrefix } from '../test/stores.js';
import { encodeFanoutMessage } from './fanout.js';
import { readStoredState } from './persistence.js';
import { RoomClients, seedRoom, type SeededRoom } from './test-support.js';

/** An update typed by someone whose instance appended it to the stream and then died. */
function orphanUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('update streams', () => {
  let app: TestApp;
  let seeded: SeededRoom;
  let room: RoomClients;
  let prefix: string;
  beforeEach(async () => {
    prefix = uniqueRedisPrefix();
    app = await startTestApp({ storeOptions: await freshStoreOptions('postgres'), redisPrefix: prefix });
    seeded = await seedRoom(app.store.db);
    room = new RoomClients(app, seeded);
  });
  afterEach(async () => {
    room.destroyAll();
    await app.close();
  });

  it('a document is loaded with what a stopped instance accepted but never stored, which is then stored', async () => {
    const name = docName(seeded.room.id, 'minutes');
    const redis = app.redis!.client;
    const key = `${prefix}yjs:stream:${name}`;
    const message = encodeFanoutMessage(crypto.randomBytes(16), {
      kind: 'updates',
      updates: [orphanUpdate('typed before the crash')],
    });
    // Appended a minute ago by an instance without a heartbeat: it is gone.
    await redis.xAdd(key, `${Date.now() - 60_000}-0`, { m: message });

    const reader = await room.connect('participant');
    expect(reader.text()).toBe('typed before the crash');

    // The sweep stores it and empties the stream.
    await vi.waitFor(
      async () => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, await readStoredState(app.store.db, name));
        expect(doc.getText('t').toJSON()).toBe('typed before the crash');
        expect(await redis.xLen(key)).toBe(0);
      },
      { timeout: 40_000, interval: 500 },
    );
  }, 60_000);

  it('entries leave the stream once stored', async () => {
    const writer = await room.connect('noteTaker');
    for (let i = 0; i < 20; i++) writer.doc.getText('t').insert(i, 'x');
    const key = `${prefix}yjs:stream:${docName(seeded.room.id, 'minutes')}`;
    await vi.waitFor(async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await readStoredState(app.store.db, docName(seeded.room.id, 'minutes')));
      expect(doc.getText('t').toJSON()).toHaveLength(20);
      expect(await app.redis!.client.xLen(key)).toBe(0);
    });
  });
});
