import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/db.js';
import { buildEvent, buildPerson, buildRoom } from '../test/factories.js';
import { openFreshStore, STORE_KINDS } from '../test/stores.js';
import { createAttendance, readAttendance } from './attendance.js';

const T0 = Date.parse('2025-03-01T01:00:00.000Z');
const seconds = (n: number) => T0 + n * 1000;

describe.each(STORE_KINDS)('attendance (%s)', (kind) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const setUp = async () => {
    store = await openFreshStore(kind);
    const event = await buildEvent(store.db);
    const room = await buildRoom(store.db, event.id);
    const person = await buildPerson(store.db);
    return { db: store.db, attendance: createAttendance(store.db), roomId: room.id, personId: person.id };
  };

  it('adds up the intervals a person spent in a room', async () => {
    const { db, attendance, roomId, personId } = await setUp();
    await attendance.opened(roomId, personId, seconds(0));
    await attendance.closed(roomId, personId, seconds(60));
    await attendance.opened(roomId, personId, seconds(100));
    await attendance.closed(roomId, personId, seconds(130));
    expect(await readAttendance(db, roomId)).toEqual([
      {
        roomId,
        personId,
        firstSeen: new Date(seconds(0)).toISOString(),
        lastSeen: new Date(seconds(130)).toISOString(),
        totalSeconds: 90,
        present: false,
      },
    ]);
  });

  it('does not restart an open interval when the person is announced again', async () => {
    const { db, attendance, roomId, personId } = await setUp();
    await attendance.opened(roomId, personId, seconds(0));
    await attendance.opened(roomId, personId, seconds(50));
    await attendance.closed(roomId, personId, seconds(60));
    expect((await readAttendance(db, roomId))[0]?.totalSeconds).toBe(60);
  });

  it('counts an open interval up to the last heartbeat while the person is present', async () => {
    const { db, attendance, roomId, personId } = await setUp();
    await attendance.opened(roomId, personId, seconds(0));
    await attendance.touch(roomId, [personId], seconds(25));
    const [record] = await readAttendance(db, roomId);
    expect(record).toMatchObject({ present: true, totalSeconds: 25 });
  });

  it('ends an interval of a crashed instance at its last heartbeat', async () => {
    const { db, attendance, roomId, personId } = await setUp();
    await attendance.opened(roomId, personId, seconds(0));
    await attendance.touch(roomId, [personId], seconds(20));
    await attendance.closed(roomId, personId, null);
    expect(await readAttendance(db, roomId)).toEqual([
      expect.objectContaining({ totalSeconds: 20, present: false }),
    ]);
  });

  it('closes a closed interval only once', async () => {
    const { db, attendance, roomId, personId } = await setUp();
    await attendance.opened(roomId, personId, seconds(0));
    await attendance.closed(roomId, personId, seconds(10));
    await attendance.closed(roomId, personId, seconds(40));
    expect((await readAttendance(db, roomId))[0]?.totalSeconds).toBe(10);
  });

  it('closes every interval left open by a crash when a lone instance starts', async () => {
    const { db, attendance, roomId, personId } = await setUp();
    await attendance.opened(roomId, personId, seconds(0));
    await attendance.touch(roomId, [personId], seconds(15));
    await attendance.closeAllOpen();
    expect(await readAttendance(db, roomId)).toEqual([
      expect.objectContaining({ totalSeconds: 15, present: false }),
    ]);
  });
});
