import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '@roundtable/shared';
import { startTestApp, type TestApp } from '../test/app.js';
import { encodeUpdate } from './protocol.js';
import {
  closedWith,
  connectRaw,
  docUrl,
  RoomClients,
  seedRoom,
  type SeededRoom,
  type TestClient,
  type Who,
} from './test-support.js';

describe('limits', () => {
  let app: TestApp;
  let seeded: SeededRoom;
  let room: RoomClients;
  afterEach(async () => {
    room.destroyAll();
    await app.close();
  });

  async function start(config: Record<string, string> = {}): Promise<void> {
    app = await startTestApp({ config });
    seeded = await seedRoom(app.store.db);
    room = new RoomClients(app, seeded);
  }
  const token = (who: Who): Promise<string> => room.token(who);
  const client = (who: Who): Promise<TestClient> => room.connect(who);
  /** The bystander still receives live edits after the offender was closed. */
  async function expectStillLive(writer: TestClient, bystander: TestClient, text: string): Promise<void> {
    writer.doc.getText('t').insert(0, text);
    await vi.waitFor(() => expect(bystander.text()).toContain(text));
    expect(bystander.closeCodes).toEqual([]);
  }

  it('closes only the sender of a malformed message, with 4400', async () => {
    await start();
    const writer = await client('noteTaker');
    const reader = await client('participant');
    for (const garbage of [
      new Uint8Array([0, 9, 9]),
      new Uint8Array([42]),
      encodeUpdate(new Uint8Array([1, 2, 3])),
    ]) {
      const raw = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('coChair')));
      raw.send(garbage);
      expect((await raw.closed).code).toBe(CloseCode.MalformedMessage);
    }
    const text = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('coChair')));
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CloseCode.MalformedMessage);
    await expectStillLive(writer, reader, 'still here');
  });

  it('closes the sender of an oversized message with 4413 and relays nothing of it', async () => {
    await start({ YJS_MAX_MESSAGE_BYTES: '2048' });
    const big = await client('coChair');
    const writer = await client('noteTaker');
    const reader = await client('participant');
    big.doc.getText('t').insert(0, 'x'.repeat(4000));
    await closedWith(big, CloseCode.MessageTooLarge);
    await expectStillLive(writer, reader, 'small edit');
    expect(reader.text()).not.toContain('xxxx');
  });

  it('closes a writer whose edit would grow the document past its limit with 4414', async () => {
    await start({ YJS_MAX_DOCUMENT_BYTES: '3000' });
    const writer = await client('noteTaker');
    const reader = await client('participant');
    const other = await client('coChair');
    writer.doc.getText('t').insert(0, 'a'.repeat(1000));
    await vi.waitFor(() => expect(reader.text()).toHaveLength(1000));
    writer.doc.getText('t').insert(0, 'b'.repeat(2500));
    await closedWith(writer, CloseCode.DocumentTooLarge);
    await expectStillLive(other, reader, 'ok');
    expect(reader.text()).not.toContain('bbb');
  });

  it('closes a connection that sends too many messages with 4429', async () => {
    await start({ YJS_MAX_MESSAGES_PER_SECOND: '5' });
    const writer = await client('noteTaker');
    const reader = await client('participant');
    const flood = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('coChair')));
    for (let i = 0; i < 40; i++) flood.send(new Uint8Array([3]));
    expect((await flood.closed).code).toBe(CloseCode.RateLimited);
    await expectStillLive(writer, reader, 'calm');
  });

  it('refuses connections beyond the per-document limit with 4430', async () => {
    await start({ YJS_MAX_CONNECTIONS_PER_DOCUMENT: '2' });
    const writer = await client('noteTaker');
    const reader = await client('participant');
    const third = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('coChair')));
    expect((await third.closed).code).toBe(CloseCode.RoomFull);
    const agenda = await connectRaw(docUrl(app.url, seeded.room.id, 'agenda', await token('coChair')));
    agenda.send(new Uint8Array([3]));
    agenda.ws.close();
    expect((await agenda.closed).code).toBe(1005);
    await expectStillLive(writer, reader, 'two is enough');
  });

  it('closes a reader that stops reading with 4431 and keeps serving the others', async () => {
    await start({
      YJS_MAX_MESSAGE_BYTES: String(2 * 1024 * 1024),
      YJS_MAX_DOCUMENT_BYTES: String(64 * 1024 * 1024),
    });
    const writer = await client('noteTaker');
    const reader = await client('participant');
    const stalled = await connectRaw(docUrl(app.url, seeded.room.id, 'minutes', await token('coChair')));
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const closes = app.app.context.metrics.registry.getSingleMetric('roundtable_yjs_closes_total');
    const backpressureCloses = async (): Promise<number> =>
      (await closes?.get())?.values.find((v) => v.labels.code === String(CloseCode.Backpressure))?.value ?? 0;
    // 1 MB edits, each waited for by the live reader, until the stalled one is over the bound
    // (4 MiB on top of what the kernel's socket buffers absorb).
    for (let i = 0; i < 32 && (await backpressureCloses()) === 0; i++) {
      writer.doc.getText('t').insert(0, String(i % 10).repeat(1024 * 1024));
      await vi.waitFor(() => expect(reader.text().length).toBe((i + 1) * 1024 * 1024), { timeout: 10_000 });
    }
    expect(await backpressureCloses()).toBe(1);
    expect(writer.closeCodes).toEqual([]);
    await expectStillLive(writer, reader, 'still flowing');
    stalled.ws.terminate();
  });
});
