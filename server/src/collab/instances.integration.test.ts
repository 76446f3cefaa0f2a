import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, docName } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { freshStoreOptions, uniqueRedisPrefix } from '../test/stores.js';
import { getCollabModule } from './module.js';
import {
  docUrl,
  upgradeStatus,
  closedWith,
  RoomClients,
  seedRoom,
  type SeededRoom,
  type TestClient,
  type Who,
} from './test-support.js';

describe('two instances sharing Redis and PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let seeded: SeededRoom;
  let room: RoomClients;
  beforeEach(async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const redisPrefix = uniqueRedisPrefix();
    a = await startTestApp({ storeOptions, redisPrefix });
    b = await startTestApp({ storeOptions, redisPrefix });
    seeded = await seedRoom(a.store.db);
    room = new RoomClients(a, seeded);
  });
  afterEach(async () => {
    room.destroyAll();
    await Promise.all([a.close(), b.close()]);
  });

  const client = (app: TestApp, who: Who): Promise<TestClient> => room.connect(who, 'minutes', { app });

  it('clients of both instances converge while typing at once', async () => {
    const onA = await client(a, 'noteTaker');
    const onB = await client(b, 'coChair');
    const readerB = await client(b, 'participant');
    for (let i = 0; i < 25; i++) {
      onA.doc.getText('t').insert(0, 'a');
      onB.doc.getText('t').insert(onB.doc.getText('t').length, 'b');
    }
    await vi.waitFor(() => {
      expect(onA.text()).toHaveLength(50);
      expect(onB.text()).toBe(onA.text());
      expect(readerB.text()).toBe(onA.text());
    });
  });

  it('carries cursors across instances with the identity stamped by the first', async () => {
    const onA = await client(a, 'noteTaker');
    const onB = await client(b, 'participant');
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
    await vi.waitFor(() =>
      expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
        cursor: { anchor: 7 },
        user: { personId: seeded.noteTaker.id, role: 'note_taker' },
      }),
    );
    onA.destroy();
    await vi.waitFor(() => expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(false));
  });

  it('stores each update once: updates relayed from the other instance are not stored again', async () => {
    const onA = await client(a, 'noteTaker');
    const readerB = await client(b, 'participant');
    for (let i = 0; i < 10; i++) onA.doc.getText('t').insert(i, String(i));
    await vi.waitFor(() => expect(readerB.text()).toBe('0123456789'));
    const name = docName(seeded.room.id, 'minutes');
    // Flush both writers before counting.
    await getCollabModule(a.app.context.modules)?.readDocumentState(name);
    await getCollabModule(b.app.context.modules)?.readDocumentState(name);
    const db = a.store.db;
    const rows = await db
      .selectFrom('doc_updates')
      .select(db.fn.countAll<number>().as('n'))
      .where('doc_name', '=', name)
      .executeTakeFirst();
    expect(Number(rows?.n)).toBe(10);
  });

  it('a client that moves to the other instance with offline edits loses nothing', async () => {
    const mover = await client(a, 'noteTaker');
    const stayerA = await client(a, 'coChair');
    const readerB = await client(b, 'participant');
    mover.doc.getText('t').insert(0, 'before ');
    await vi.waitFor(() => expect(readerB.text()).toBe('before '));
    mover.provider.disconnect();
    mover.doc.getText('t').insert(7, 'offline ');
    stayerA.doc.getText('t').insert(0, '[chair] ');
    mover.provider.serverUrl = `${b.url.replace(/^http/, 'ws')}/yjs`;
    mover.provider.connect();
    await vi.waitFor(() => {
      expect(mover.text()).toBe('[chair] before offline ');
      expect(readerB.text()).toBe(mover.text());
      expect(stayerA.text()).toBe(mover.text());
    });
  });

  it('a document loaded by the second instance while the first is busy misses nothing', async () => {
    const onA = await client(a, 'noteTaker');
    let typed = 0;
    const timer = setInterval(() => {
      const text = onA.doc.getText('t');
      text.insert(text.length, `${typed++};`);
    }, 5);
    try {
      await vi.waitFor(() => expect(typed).toBeGreaterThan(20), { timeout: 10_000 });
      const lateReader = await client(b, 'participant');
      await vi.waitFor(() => expect(typed).toBeGreaterThan(80), { timeout: 10_000 });
      clearInterval(timer);
      await vi.waitFor(() => expect(lateReader.text()).toBe(onA.text()), { timeout: 10_000 });
      expect(lateReader.text().split(';')).toHaveLength(typed + 1);
    } finally {
      clearInterval(timer);
    }
  });

  it('read-only and access changes made on one instance apply on the other', async () => {
    const writerB = await client(b, 'noteTaker');
    const readerA = await client(a, 'participant');
    const name = docName(seeded.room.id, 'minutes');
    await getCollabModule(a.app.context.modules)?.setDocumentReadOnly(name, true);
    await closedWith(writerB, CloseCode.AccessChanged);
    await vi.waitFor(() => expect(writerB.provider.synced).toBe(true));
    writerB.doc.getText('t').insert(0, 'too late');
    const dropped = b.app.context.metrics.registry.getSingleMetric('roundtable_yjs_dropped_updates_total');
    await vi.waitFor(async () => expect((await dropped?.get())?.values[0]?.value).toBeGreaterThan(0));
    expect(readerA.text()).toBe('');

    // The room now hides draft minutes: its reader loses them, its writer keeps writing.
    await a.store.db
      .updateTable('rooms')
      .set({ hide_draft_minutes: 1 })
      .where('id', '=', seeded.room.id)
      .execute();
    await a.app.context.accessChanges.notify({ roomIds: [seeded.room.id] });
    await closedWith(readerA, CloseCode.AccessChanged);
    expect(
      await upgradeStatus(docUrl(b.url, seeded.room.id, 'minutes', await room.token('participant'))),
    ).toBe(403);
    expect(writerB.closeCodes.filter((c) => c === CloseCode.AccessChanged)).toHaveLength(1);
  });
});
