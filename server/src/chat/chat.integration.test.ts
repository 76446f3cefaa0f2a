import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatLimits, type ChatHistoryPage, type ChatMessage, type ChatSubscribed } from '@roundtable/shared';
import { collect, disconnectAll } from '../presence/testing.js';
import {
  buildMeeting,
  call,
  connectAs,
  startInstances,
  type Meeting,
  type TestClient,
} from '../speaking/test-helpers.js';
import type { TestApp } from '../test/app.js';
import { ackCode, ackData } from './test-support.js';

let instances: TestApp[] = [];
let meeting: Meeting;

beforeAll(async () => {
  instances = await startInstances(2);
  meeting = await buildMeeting(instances[0]!.store.db, { participants: 6 });
}, 60_000);

afterAll(async () => {
  disconnectAll();
  for (const instance of instances) await instance.close();
});

const roomId = () => meeting.room.id;

/** Connects on instance `i % 2` and subscribes to the room's chat, collecting pushes. */
async function join(personId: string, i: number) {
  const socket = await connectAs(instances[i % 2]!, personId);
  const messages = collect(socket, 'chat:message');
  const subscribed = ackData<ChatSubscribed>(await call(socket, 'chat:subscribe', { roomId: roomId() }));
  return { socket, messages, subscribed };
}

const send = (
  socket: TestClient,
  text: string,
  channel: 'everyone' | 'chairs' | 'note_takers' | 'direct' = 'everyone',
  toPersonId?: string,
) => call(socket, 'chat:send', { roomId: roomId(), channel, text, ...(toPersonId ? { toPersonId } : {}) });

describe('the room chat over two instances', () => {
  it('shows every public message in the same order on every client, and in the history', async () => {
    const people = [...meeting.participants.slice(0, 4), meeting.chairs[0]!];
    const clients = await Promise.all(people.map((p, i) => join(p.id, i)));
    // Everyone writes at once, three messages each, on both instances.
    const acks = await Promise.all(
      clients.flatMap((c, i) => [0, 1, 2].map((n) => send(c.socket, `from ${i}, message ${n}`))),
    );
    const sent = acks.map((a) => ackData<ChatMessage>(a));
    expect(new Set(sent.map((m) => m.id)).size).toBe(15);
    await vi.waitFor(() => {
      for (const c of clients) expect(c.messages).toHaveLength(15);
    });
    const order = (list: ChatMessage[]) => [...list].sort((a, b) => a.id - b.id).map((m) => m.text);
    const expected = order(sent);
    for (const c of clients) expect(order(c.messages)).toEqual(expected);
    // Each writer's own three messages keep the order they were sent in.
    for (let i = 0; i < clients.length; i++) {
      expect(expected.filter((t) => t.startsWith(`from ${i},`))).toEqual(
        [0, 1, 2].map((n) => `from ${i}, message ${n}`),
      );
    }
    const history = ackData<ChatHistoryPage>(
      await call(clients[1]!.socket, 'chat:history', { roomId: roomId(), tab: 'everyone' }),
    );
    expect(history.messages.map((m) => m.text)).toEqual(expected);
    // Paged: the newest two, then the page before them.
    const newest = ackData<ChatHistoryPage>(
      await call(clients[0]!.socket, 'chat:history', { roomId: roomId(), tab: 'everyone', limit: 2 }),
    );
    expect(newest.messages.map((m) => m.text)).toEqual(expected.slice(-2));
    expect(newest.more).toBe(true);
    const before = ackData<ChatHistoryPage>(
      await call(clients[0]!.socket, 'chat:history', {
        roomId: roomId(),
        tab: 'everyone',
        limit: 5,
        before: newest.messages[0]!.id,
      }),
    );
    expect(before.messages.map((m) => m.text)).toEqual(expected.slice(-7, -2));
  });

  it('shows a note to the co-chairs to the co-chairs and its sender only, and a reply to its recipient only', async () => {
    const writer = await join(meeting.participants[4]!.id, 0);
    const other = await join(meeting.participants[5]!.id, 1);
    const noteTaker = await join(meeting.noteTaker.id, 1);
    const chairA = await join(meeting.chairs[0]!.id, 0);
    const chairB = await join(meeting.chairs[1]!.id, 1);
    const note = ackData<ChatMessage>(
      await send(writer.socket, 'the link to the guidelines is https://example.org/g', 'chairs'),
    );
    const reply = ackData<ChatMessage>(
      await send(chairB.socket, 'thank you', 'direct', meeting.participants[4]!.id),
    );
    await vi.waitFor(() => {
      for (const c of [writer, chairA, chairB])
        expect(c.messages.map((m) => m.id)).toEqual(expect.arrayContaining([note.id, reply.id]));
    });
    // A last public message: when it has arrived, anything private would have arrived too.
    const marker = ackData<ChatMessage>(await send(chairA.socket, 'marker'));
    await vi.waitFor(() => {
      for (const c of [other, noteTaker]) expect(c.messages.map((m) => m.id)).toContain(marker.id);
    });
    for (const c of [other, noteTaker]) {
      expect(c.messages.map((m) => m.id)).not.toContain(note.id);
      expect(c.messages.map((m) => m.id)).not.toContain(reply.id);
    }
    const othersView = ackData<ChatHistoryPage>(
      await call(other.socket, 'chat:history', { roomId: roomId(), tab: 'chairs' }),
    );
    expect(othersView.messages).toEqual([]);
    const writersView = ackData<ChatHistoryPage>(
      await call(writer.socket, 'chat:history', { roomId: roomId(), tab: 'chairs' }),
    );
    expect(writersView.messages.map((m) => m.id)).toEqual([note.id, reply.id]);
    expect(ackCode(await send(writer.socket, 'to one person', 'direct', meeting.participants[5]!.id))).toBe(
      'channel_forbidden',
    );
    expect(ackCode(await call(other.socket, 'chat:history', { roomId: roomId(), tab: 'note_takers' }))).toBe(
      'channel_forbidden',
    );
    // Unread: the chairs see the note as unread until they mark it read.
    const fresh = ackData<ChatSubscribed>(await call(chairA.socket, 'chat:subscribe', { roomId: roomId() }));
    expect(fresh.unread.chairs).toBeGreaterThanOrEqual(1);
    ackData(
      await call(chairA.socket, 'chat:mark-read', { roomId: roomId(), tab: 'chairs', messageId: reply.id }),
    );
    const after = ackData<ChatSubscribed>(await call(chairA.socket, 'chat:subscribe', { roomId: roomId() }));
    expect(after.unread.chairs).toBe(0);
  });

  it('keeps observers read-only until the co-chairs let them write, and audits deletions', async () => {
    const observer = await join(meeting.observer.id, 1);
    const chair = await join(meeting.chairs[0]!.id, 0);
    const participant = await join(meeting.participants[0]!.id, 1);
    expect(ackCode(await send(observer.socket, 'hello'))).toBe('chat_read_only');
    ackData(
      await call(chair.socket, 'chat:update-settings', {
        roomId: roomId(),
        settings: { observersMayWrite: true },
      }),
    );
    const written = ackData<ChatMessage>(await send(observer.socket, 'hello from an observer'));
    expect(
      ackCode(await call(participant.socket, 'chat:delete', { roomId: roomId(), messageId: written.id })),
    ).toBe('forbidden');
    const deletions = collect(participant.socket, 'chat:deleted');
    ackData(await call(chair.socket, 'chat:delete', { roomId: roomId(), messageId: written.id }));
    await vi.waitFor(() => expect(deletions.map((d) => d.messageId)).toEqual([written.id]));
    const history = ackData<ChatHistoryPage>(
      await call(participant.socket, 'chat:history', { roomId: roomId(), tab: 'everyone' }),
    );
    expect(history.messages.find((m) => m.id === written.id)).toMatchObject({
      text: '',
      deletedBy: meeting.chairs[0]!.id,
    });
    const audit = await instances[0]!.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'chat.delete')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: meeting.chairs[0]!.id,
      target_id: meeting.observer.id,
      room_id: roomId(),
    });
    expect(audit[0]!.data).not.toContain('hello');
    ackData(
      await call(chair.socket, 'chat:update-settings', {
        roomId: roomId(),
        settings: { observersMayWrite: false },
      }),
    );
  });

  it('holds pause and slow mode for everyone but the co-chairs, on both instances', async () => {
    const chair = await join(meeting.chairs[1]!.id, 1);
    const a = await join(meeting.participants[2]!.id, 0);
    const settings = collect(a.socket, 'chat:settings');
    ackData(
      await call(chair.socket, 'chat:update-settings', { roomId: roomId(), settings: { paused: true } }),
    );
    await vi.waitFor(() => expect(settings.at(-1)?.settings.paused).toBe(true));
    expect(ackCode(await send(a.socket, 'anyone?'))).toBe('chat_paused');
    ackData(await send(chair.socket, 'we pause the chat for the vote'));
    ackData(
      await call(chair.socket, 'chat:update-settings', {
        roomId: roomId(),
        settings: { paused: false, slowModeSeconds: 60 },
      }),
    );
    // The same person on both instances at once: exactly one message goes through.
    const b = await connectAs(instances[1]!, meeting.participants[2]!.id);
    const both = await Promise.all([send(a.socket, 'first'), send(b, 'second')]);
    expect(both.map(ackCode).sort()).toEqual(['ok', 'slow_mode']);
    expect(ackCode(await send(a.socket, 'a note to the chairs is not slowed', 'chairs'))).toBe('ok');
    ackData(await send(chair.socket, 'co-chairs are not slowed'));
    ackData(
      await call(chair.socket, 'chat:update-settings', {
        roomId: roomId(),
        settings: { slowModeSeconds: 0 },
      }),
    );
    const audit = await instances[0]!.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'chat.settings')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses malformed and oversized payloads with a code, and floods with rate_limited', async () => {
    const a = await join(meeting.participants[3]!.id, 0);
    expect(ackCode(await call(a.socket, 'chat:send', { roomId: roomId() } as never))).toBe(
      'validation_failed',
    );
    expect(ackCode(await call(a.socket, 'chat:send', 'not an object' as never))).toBe('validation_failed');
    expect(ackCode(await send(a.socket, 'x'.repeat(ChatLimits.maxMessageLength * 2 + 1)))).toBe(
      'validation_failed',
    );
    expect(ackCode(await send(a.socket, 'x'.repeat(ChatLimits.maxMessageLength + 1)))).toBe(
      'message_too_long',
    );
    expect(ackCode(await send(a.socket, '   \u0000  '))).toBe('empty_message');
    expect(
      ackCode(await call(a.socket, 'chat:history', { roomId: roomId(), tab: 'everyone', limit: 10_000 })),
    ).toBe('validation_failed');
    const flood = [];
    for (let i = 0; i < ChatLimits.maxMessagesPer10s + 2; i++)
      flood.push(ackCode(await send(a.socket, `flood ${i}`)));
    expect(flood.filter((c) => c === 'ok')).toHaveLength(ChatLimits.maxMessagesPer10s);
    expect(flood.at(-1)).toBe('rate_limited');
  });
});

describe('who may read and write the chat', () => {
  it('refuses people the room does not admit, at every entrance', async () => {
    const outsider = await connectAs(instances[0]!, meeting.outsider.id);
    for (const [event, payload] of [
      ['chat:subscribe', {}],
      ['chat:history', { tab: 'everyone' }],
      ['chat:send', { channel: 'everyone', text: 'hi' }],
      ['chat:mark-read', { tab: 'everyone', messageId: 1 }],
    ] as const) {
      expect(ackCode(await call(outsider, event, { roomId: roomId(), ...payload }))).toBe('forbidden');
    }
  });

  it('stops a removed person reading and writing, on every instance', async () => {
    const target = meeting.participants[1]!;
    const removed = await join(target.id, 1);
    const unsubscribed = collect(removed.socket, 'chat:unsubscribed');
    const chair = await join(meeting.chairs[0]!.id, 0);
    ackData(await call(chair.socket, 'lobby:remove', { roomId: roomId(), personId: target.id }));
    await vi.waitFor(() => expect(unsubscribed).toEqual([{ roomId: roomId(), reason: 'removed' }]));
    const after = ackData<ChatMessage>(await send(chair.socket, 'said after the removal'));
    const witness = await join(meeting.participants[0]!.id, 1);
    await vi.waitFor(async () => {
      const page = ackData<ChatHistoryPage>(
        await call(witness.socket, 'chat:history', { roomId: roomId(), tab: 'everyone' }),
      );
      expect(page.messages.map((m) => m.id)).toContain(after.id);
    });
    expect(removed.messages.map((m) => m.id)).not.toContain(after.id);
    expect(ackCode(await send(removed.socket, 'still here?'))).toBe('not_admitted');
    expect(ackCode(await call(removed.socket, 'chat:history', { roomId: roomId(), tab: 'everyone' }))).toBe(
      'not_admitted',
    );
    expect(ackCode(await call(removed.socket, 'chat:subscribe', { roomId: roomId() }))).toBe('not_admitted');
  });
});
