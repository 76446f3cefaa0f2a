import http from 'node:http';
import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';
import { RoomClients, seedRoom } from './test-support.js';

/** Live objects of a class after a full GC (`v8.queryObjects` collects first). */
const live = (ctor: abstract new (...args: never[]) => unknown): number =>
  v8.queryObjects(ctor, { format: 'count' });

describe('memory per idle connection', () => {
  let app: TestApp;
  let room: RoomClients;
  afterEach(async () => {
    room.destroyAll();
    await app.close();
  });

  it('keeps nothing of the upgrade request once a connection is open', async () => {
    app = await startTestApp();
    room = new RoomClients(app, await seedRoom(app.store.db));
    await room.connect('participant');
    const before = live(http.IncomingMessage);
    const connections = 20;
    for (let i = 0; i < connections; i++) await room.connect(i % 2 ? 'participant' : 'noteTaker');
    const after = live(http.IncomingMessage);
    // A few may be in flight (the test's own HTTP); one per open connection would be a leak.
    expect(after - before).toBeLessThan(connections / 2);
  }, 60_000);
});
