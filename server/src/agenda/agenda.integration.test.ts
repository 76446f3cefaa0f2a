import { afterEach, describe, expect, it, vi } from 'vitest';
import { addAgendaItem, AgendaEvents, docName, DocKind, type AgendaState } from '@roundtable/shared';
import { getCollabModule } from '../collab/module.js';
import { buildTaskForce } from '../presence/fixtures.js';
import { collect, connectAs, disconnectAll, type TestSocket } from '../presence/testing.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildRoomRole } from '../test/factories.js';
import { freshStoreOptions, uniqueRedisPrefix } from '../test/stores.js';

/** Writes the agenda document as co-chairs would through Yjs. */
async function writeAgenda(testApp: TestApp, roomId: string, ids: string[]): Promise<void> {
  const collab = getCollabModule(testApp.app.context.modules);
  if (!collab) throw new Error('the collab module is not running');
  await collab.editDocument(docName(roomId, DocKind.Agenda), (doc) => {
    for (const id of ids) addAgendaItem(doc, { id, title: `Item ${id}` });
  });
}

async function ok<T>(pending: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) {
  const ack = await pending;
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

const subscribe = (socket: TestSocket, roomId: string) =>
  ok(socket.emitWithAck(AgendaEvents.Subscribe, { roomId }));

describe('current agenda item', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    disconnectAll();
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  const start = async (options: Parameters<typeof startTestApp>[0] = {}) => {
    const testApp = await startTestApp(options);
    apps.push(testApp);
    return testApp;
  };

  it('pushes the item a co-chair starts, with its server start time, to everyone following the room', async () => {
    const testApp = await start();
    const world = await buildTaskForce(testApp.store.db);
    await writeAgenda(testApp, world.govRoom.id, ['opening', 'reports']);
    const delegate = await connectAs(testApp, world.delegate.id);
    expect(await subscribe(delegate, world.govRoom.id)).toMatchObject({
      currentItemId: null,
      startedAt: null,
    });
    const states = collect(delegate, AgendaEvents.State);

    const chair = await connectAs(testApp, world.organizer.id);
    const before = Date.now();
    const set = await ok(
      chair.emitWithAck(AgendaEvents.SetCurrent, { roomId: world.govRoom.id, itemId: 'reports' }),
    );
    expect(set.startedAt).toBeGreaterThanOrEqual(before);
    await vi.waitFor(() =>
      expect(states.at(-1)).toMatchObject({ currentItemId: 'reports', startedAt: set.startedAt }),
    );
    expect(states.at(-1)?.version).toBe(set.version);
  });

  it('lets neither participants move the agenda nor outsiders read it', async () => {
    const testApp = await start();
    const world = await buildTaskForce(testApp.store.db);
    const delegate = await connectAs(testApp, world.delegate.id);
    const refused = await delegate.emitWithAck(AgendaEvents.Advance, {
      roomId: world.govRoom.id,
      itemIds: ['a'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stakeholder = await connectAs(testApp, world.stakeholder.id);
    const hidden = await stakeholder.emitWithAck(AgendaEvents.Subscribe, { roomId: world.govRoom.id });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('advances in the order of the agenda document, once for two simultaneous presses', async () => {
    const testApp = await start();
    const world = await buildTaskForce(testApp.store.db);
    await buildRoomRole(testApp.store.db, world.govRoom.id, world.delegate.id, 'co_chair');
    await writeAgenda(testApp, world.govRoom.id, ['opening', 'reports', 'closing']);
    const chairs = [
      await connectAs(testApp, world.organizer.id),
      await connectAs(testApp, world.delegate.id),
    ];
    const roomId = world.govRoom.id;

    // The client's order is ignored when the server can read the document.
    const first = await ok(chairs[0]!.emitWithAck(AgendaEvents.Advance, { roomId, itemIds: ['closing'] }));
    expect(first.currentItemId).toBe('opening');
    const presses = await Promise.all(
      chairs.map((chair) => chair.emitWithAck(AgendaEvents.Advance, { roomId, fromItemId: 'opening' })),
    );
    expect(presses.filter((ack) => ack.ok)).toHaveLength(1);
    expect(presses.filter((ack) => !ack.ok)).toMatchObject([{ error: { code: 'conflict' } }]);
    expect(await subscribe(chairs[0]!, roomId)).toMatchObject({ currentItemId: 'reports' });
    const refused = await chairs[0]!.emitWithAck(AgendaEvents.SetCurrent, { roomId, itemId: 'not-there' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('shows the same current item on clients of two instances, and still after a restart of both', async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const redisPrefix = uniqueRedisPrefix();
    const first = await start({ storeOptions, redisPrefix });
    const second = await start({ storeOptions, redisPrefix });
    const world = await buildTaskForce(first.store.db);
    const roomId = world.openRoom.id;
    await writeAgenda(first, roomId, ['opening', 'reports']);

    const onFirst = await connectAs(first, world.stakeholder.id);
    const onSecond = await connectAs(second, world.delegate.id);
    await subscribe(onFirst, roomId);
    await subscribe(onSecond, roomId);
    const seen = [collect(onFirst, AgendaEvents.State), collect(onSecond, AgendaEvents.State)];
    const chair = await connectAs(second, world.organizer.id);
    const set = await ok(chair.emitWithAck(AgendaEvents.SetCurrent, { roomId, itemId: 'reports' }));

    const timing = (s: AgendaState | undefined) =>
      s && { id: s.currentItemId, startedAt: s.startedAt, v: s.version };
    await vi.waitFor(() => {
      for (const states of seen) expect(timing(states.at(-1))).toEqual(timing(set));
    });

    disconnectAll();
    await Promise.all(apps.splice(0).map((a) => a.close()));
    // A fresh Redis prefix: the state can only come back from the durable store.
    const restarted = await start({ storeOptions, redisPrefix: uniqueRedisPrefix() });
    const again = await connectAs(restarted, world.delegate.id);
    expect(timing(await subscribe(again, roomId))).toEqual(timing(set));
  });
});
