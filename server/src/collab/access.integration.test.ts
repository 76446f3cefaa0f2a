import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, docName, type DocKind } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { getCollabModule } from './module.js';
import { readStoredState } from './persistence.js';
import { encodeAwarenessMessage, encodeAwarenessUpdate, encodeSyncStep1 } from './protocol.js';
import {
  closedWith,
  connectRaw,
  docUrl,
  RoomClients,
  seedRoom,
  tokenFor,
  upgradeStatus,
  type SeededRoom,
  type TestClient,
  type Who,
} from './test-support.js';

describe('access to documents', () => {
  let app: TestApp;
  let seeded: SeededRoom;
  let room: RoomClients;
  beforeEach(async () => {
    app = await startTestApp();
    seeded = await seedRoom(app.store.db);
    room = new RoomClients(app, seeded);
  });
  afterEach(async () => {
    room.destroyAll();
    await app.close();
  });

  const token = (who: Who): Promise<string> => room.token(who);
  const client = (who: Who, kind: DocKind = 'minutes'): Promise<TestClient> => room.connect(who, kind);

  it('refuses the upgrade without a token, with a bad token, and to people without access', async () => {
    const roomId = seeded.room.id;
    expect(await upgradeStatus(docUrl(app.url, roomId, 'minutes'))).toBe(401);
    expect(await upgradeStatus(docUrl(app.url, roomId, 'minutes', 'not-a-token'))).toBe(401);
    const foreign = await tokenFor(
      new TextEncoder().encode('another-secret-another-secret-!!!!'),
      seeded.coChair,
    );
    expect(await upgradeStatus(docUrl(app.url, roomId, 'minutes', foreign))).toBe(401);
    expect(await upgradeStatus(docUrl(app.url, roomId, 'minutes', await token('outsider')))).toBe(403);
    expect(await upgradeStatus(docUrl(app.url, 'no-such-room', 'minutes', await token('coChair')))).toBe(404);
    expect(await upgradeStatus(`${docUrl(app.url, roomId, 'minutes').replace('/minutes', '/chat')}`)).toBe(
      404,
    );
    expect(await upgradeStatus(docUrl(app.url, roomId, 'minutes', await token('coChair')))).toBe(101);
  });

  it('keeps draft minutes from readers when the room hides them, but not the agenda', async () => {
    await app.store.db
      .updateTable('rooms')
      .set({ hide_draft_minutes: 1 })
      .where('id', '=', seeded.room.id)
      .execute();
    const participant = await token('participant');
    expect(await upgradeStatus(docUrl(app.url, seeded.room.id, 'minutes', participant))).toBe(403);
    expect(await upgradeStatus(docUrl(app.url, seeded.room.id, 'agenda', participant))).toBe(101);
    expect(await upgradeStatus(docUrl(app.url, seeded.room.id, 'minutes', await token('noteTaker')))).toBe(
      101,
    );
  });

  it('closes a connection with 4205 when the role changes, and the reconnect gets the new rights', async () => {
    const chair = await client('coChair', 'agenda');
    const participant = await client('participant', 'agenda');
    await Promise.all([chair.synced(), participant.synced()]);
    participant.doc.getText('t').insert(0, 'ignored ');
    chair.doc.getText('t').insert(0, 'agenda');
    // The participant keeps its own (refused) edit locally and receives the chair's.
    await vi.waitFor(() => expect(participant.text()).toMatch(/^(ignored agenda|agendaignored )$/));
    expect(chair.text()).toBe('agenda');

    await app.store.db
      .updateTable('room_roles')
      .set({ role: 'co_chair' })
      .where('room_id', '=', seeded.room.id)
      .where('person_id', '=', seeded.participant.id)
      .execute();
    await app.app.context.accessChanges.notify({ personIds: [seeded.participant.id] });
    await closedWith(participant, CloseCode.AccessChanged);
    expect(chair.closeCodes).toEqual([]);
    await vi.waitFor(() => expect(participant.provider.synced).toBe(true));
    participant.doc.getText('t').insert(0, 'promoted ');
    // The edit made while read-only comes back too: the client resends what the server lacks.
    await vi.waitFor(() => expect(chair.text()).toBe(participant.text()));
    expect(chair.text()).toContain('promoted');
  });

  it('closes a removed person on request with 4206', async () => {
    const participant = await client('participant');
    const noteTaker = await client('noteTaker');
    await Promise.all([participant.synced(), noteTaker.synced()]);
    getCollabModule(app.app.context.modules)?.closePersonConnections(
      seeded.room.id,
      seeded.participant.id,
      CloseCode.RemovedFromRoom,
    );
    await closedWith(participant, CloseCode.RemovedFromRoom);
    expect(noteTaker.closeCodes).toEqual([]);
  });

  it("drops a read-only connection's cursor from its awareness state, keeping its presence", async () => {
    const participant = await client('participant');
    const noteTaker = await client('noteTaker');
    await Promise.all([participant.synced(), noteTaker.synced()]);
    participant.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 3 });
    participant.provider.awareness.setLocalStateField('since', 1);
    await vi.waitFor(() =>
      expect(noteTaker.provider.awareness.getStates().get(participant.doc.clientID)).toMatchObject({
        since: 1,
        user: { role: 'participant' },
      }),
    );
    expect(noteTaker.provider.awareness.getStates().get(participant.doc.clientID)).not.toHaveProperty(
      'cursor',
    );
  });

  it('stamps the server identity on awareness and ignores states for client ids a connection does not own', async () => {
    const noteTaker = await client('noteTaker');
    const observer = await client('coChair');
    await Promise.all([noteTaker.synced(), observer.synced()]);
    noteTaker.provider.awareness.setLocalStateField('user', { name: 'Somebody Else', color: '#000' });
    noteTaker.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await vi.waitFor(() =>
      expect(observer.provider.awareness.getStates().get(noteTaker.doc.clientID)).toMatchObject({
        cursor: { anchor: 1 },
        user: { name: seeded.noteTaker.name, personId: seeded.noteTaker.id, role: 'note_taker' },
      }),
    );

    const raw = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('participant')));
    const state = (json: string, clientId: number): Uint8Array =>
      encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId, clock: 99, json }]));
    raw.send(state('{"mine":true}', 4242));
    raw.send(state('{"hijacked":true}', noteTaker.doc.clientID));
    await vi.waitFor(() =>
      expect(observer.provider.awareness.getStates().get(4242)).toMatchObject({
        mine: true,
        user: { role: 'participant' },
      }),
    );
    expect(observer.provider.awareness.getStates().get(noteTaker.doc.clientID)).not.toHaveProperty(
      'hijacked',
    );
    raw.ws.close();
    await vi.waitFor(() => expect(observer.provider.awareness.getStates().has(4242)).toBe(false));
  });

  it('drops every update once a document is made read-only, and accepts them again after', async () => {
    const noteTaker = await client('noteTaker');
    const reader = await client('participant');
    await Promise.all([noteTaker.synced(), reader.synced()]);
    const collab = getCollabModule(app.app.context.modules);
    const name = docName(seeded.room.id, 'minutes');
    await collab?.setDocumentReadOnly(name, true);
    noteTaker.doc.getText('t').insert(0, 'after approval');
    const dropped = app.app.context.metrics.registry.getSingleMetric('roundtable_yjs_dropped_updates_total');
    await vi.waitFor(async () =>
      expect((await dropped?.get())?.values[0]?.labels).toEqual({ reason: 'read_only_document' }),
    );
    expect(reader.text()).toBe('');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await readStoredState(app.store.db, name));
    expect(stored.getText('t').toJSON()).toBe('');

    await collab?.setDocumentReadOnly(name, false);
    await closedWith(noteTaker, CloseCode.AccessChanged);
    noteTaker.doc.getText('t').insert(0, 'reopened, ');
    // The reconnect re-syncs: the edit dropped while read-only comes in with the new one.
    await vi.waitFor(() => expect(reader.text()).toBe('reopened, after approval'));
    expect(reader.closeCodes).toEqual([]);
  });

  it('lets the server edit a document for everyone, storing the edit', async () => {
    const reader = await client('participant', 'agenda');
    await reader.synced();
    const name = docName(seeded.room.id, 'agenda');
    await getCollabModule(app.app.context.modules)?.editDocument(name, (doc) =>
      doc.getText('t').insert(0, 'template'),
    );
    await vi.waitFor(() => expect(reader.text()).toBe('template'));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await readStoredState(app.store.db, name));
    expect(stored.getText('t').toJSON()).toBe('template');
  });

  it('answers a raw sync step 1 with the whole state', async () => {
    const raw = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('participant')));
    raw.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await vi.waitFor(() => expect(raw.received.length).toBeGreaterThan(0));
    // [messageSync, syncStep2, …]: readers are not asked for their state in return.
    expect([...(raw.received[0] ?? Buffer.alloc(0)).subarray(0, 2)]).toEqual([0, 1]);
    raw.ws.close();
  });
});
