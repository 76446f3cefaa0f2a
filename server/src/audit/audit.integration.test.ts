import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/db.js';
import { buildPerson } from '../test/factories.js';
import { openFreshStore, STORE_KINDS } from '../test/stores.js';
import { listAudit, recordAudit } from './audit.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe.each(STORE_KINDS)('the audit log on %s', (kind) => {
  it('keeps who did what to whom in a room, oldest first, with names', async () => {
    store = await openFreshStore(kind);
    const chair = await buildPerson(store.db, { name: 'Chair' });
    const delegate = await buildPerson(store.db, { name: 'Delegate' });
    await recordAudit(store.db, {
      roomId: 'r1',
      actorId: chair.id,
      action: 'speaking.give',
      targetId: delegate.id,
      data: { version: 3 },
      at: '2026-01-01T00:00:00.000Z',
    });
    await recordAudit(store.db, [
      { roomId: 'r1', actorId: null, action: 'speaking.time-up', targetId: delegate.id },
      { roomId: 'r2', actorId: chair.id, action: 'speaking.close' },
    ]);
    const entries = await listAudit(store.db, { roomId: 'r1' });
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: chair.id,
        actorName: 'Chair',
        action: 'speaking.give',
        targetName: 'Delegate',
        data: { version: 3 },
        at: '2026-01-01T00:00:00.000Z',
      }),
      expect.objectContaining({ actorId: null, actorName: null, action: 'speaking.time-up' }),
    ]);
  });

  it('pages with an id cursor', async () => {
    store = await openFreshStore(kind);
    await recordAudit(
      store.db,
      Array.from({ length: 5 }, (_, i) => ({ roomId: 'r', actorId: null, action: `a.${i}` })),
    );
    const first = await listAudit(store.db, { roomId: 'r', limit: 2 });
    const next = await listAudit(store.db, { roomId: 'r', after: first.at(-1)!.id, limit: 10 });
    expect([...first, ...next].map((e) => e.action)).toEqual(['a.0', 'a.1', 'a.2', 'a.3', 'a.4']);
  });
});
