import { describe, expect, it } from 'vitest';
import { audiencesOf, canReadMessage, checkChatPost, mergeChatMessages, normalizeChatText } from './core.js';
import { linkify } from './links.js';
import { ChatErrorCode, DEFAULT_CHAT_SETTINGS, type ChatMessage } from './state.js';

const participant = { personId: 'p', role: 'participant' as const };
const chair = { personId: 'c', role: 'moderator' as const };
const observer = { personId: 'o', role: 'observer' as const };

const message = (id: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  roomId: 'r',
  channel: 'everyone',
  authorId: 'p',
  authorName: 'P',
  toPersonId: null,
  text: `m${id}`,
  sentAt: id,
  deletedAt: null,
  deletedBy: null,
  ...over,
});

describe('chat posts', () => {
  it('keep observers read-only unless the co-chairs allow them to write', () => {
    const post = { channel: 'everyone' as const, text: 'hello' };
    expect(checkChatPost(DEFAULT_CHAT_SETTINGS, observer, post, 0, null)).toMatchObject({
      error: { code: ChatErrorCode.ReadOnly },
    });
    expect(
      checkChatPost({ ...DEFAULT_CHAT_SETTINGS, observersMayWrite: true }, observer, post, 0, null),
    ).toEqual({
      text: 'hello',
      toPersonId: null,
    });
  });

  it('stop everyone but co-chairs while paused, and hold slow mode on the public channel only', () => {
    const paused = { ...DEFAULT_CHAT_SETTINGS, paused: true };
    const post = { channel: 'everyone' as const, text: 'x' };
    expect(checkChatPost(paused, participant, post, 0, null)).toMatchObject({
      error: { code: ChatErrorCode.Paused },
    });
    expect(checkChatPost(paused, chair, post, 0, null)).toMatchObject({ text: 'x' });
    const slow = { ...DEFAULT_CHAT_SETTINGS, slowModeSeconds: 30 };
    expect(checkChatPost(slow, participant, post, 10_000, 0)).toMatchObject({
      error: { code: ChatErrorCode.SlowMode },
    });
    expect(checkChatPost(slow, participant, post, 30_000, 0)).toMatchObject({ text: 'x' });
    expect(checkChatPost(slow, participant, { channel: 'chairs', text: 'x' }, 10_000, 0)).toMatchObject({
      text: 'x',
    });
  });

  it('let only co-chairs reply to one person, and only to someone named', () => {
    expect(
      checkChatPost(
        DEFAULT_CHAT_SETTINGS,
        participant,
        { channel: 'direct', text: 'x', toPersonId: 'c' },
        0,
        null,
      ),
    ).toMatchObject({
      error: { code: ChatErrorCode.ChannelForbidden },
    });
    expect(
      checkChatPost(DEFAULT_CHAT_SETTINGS, chair, { channel: 'direct', text: 'x' }, 0, null),
    ).toMatchObject({
      error: { code: ChatErrorCode.RecipientRequired },
    });
  });

  it('drop control characters and refuse empty or too long text', () => {
    expect(normalizeChatText('  a\u202eb\u0000c \r\n d ')).toEqual({ text: 'abc \n d' });
    expect(normalizeChatText(' \u0007 ')).toMatchObject({ error: { code: ChatErrorCode.EmptyMessage } });
    expect(normalizeChatText('あ'.repeat(2000))).toEqual({ text: 'あ'.repeat(2000) });
    expect(normalizeChatText('a'.repeat(2001))).toMatchObject({
      error: { code: ChatErrorCode.MessageTooLong },
    });
  });
});

describe('chat reading', () => {
  it('shows notes to the chairs to the co-chairs and their sender only', () => {
    const note = message(1, { channel: 'chairs', authorId: 'p' });
    expect(canReadMessage(note, participant)).toBe(true);
    expect(canReadMessage(note, chair)).toBe(true);
    expect(canReadMessage(note, { personId: 'q', role: 'participant' })).toBe(false);
    expect(canReadMessage(note, { personId: 'n', role: 'note_taker' })).toBe(false);
    expect(audiencesOf(note)).toEqual([{ kind: 'moderators' }, { kind: 'person', personId: 'p' }]);
  });

  it('shows a direct reply to its recipient and the co-chairs only', () => {
    const reply = message(2, { channel: 'direct', authorId: 'c', toPersonId: 'p' });
    expect(canReadMessage(reply, participant)).toBe(true);
    expect(canReadMessage(reply, { personId: 'q', role: 'note_taker' })).toBe(false);
  });

  it('orders messages by id whatever order they arrive in, and keeps a deletion', () => {
    const deleted = message(2, { text: '', deletedAt: 5, deletedBy: 'c' });
    const merged = mergeChatMessages([message(3), deleted], [message(1), message(2)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(merged[1]!.deletedAt).toBe(5);
  });
});

describe('links in chat', () => {
  it('become links only for http and https', () => {
    expect(linkify('see https://example.org/a?b=1. or javascript:alert(1)')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { type: 'text', text: '. or javascript:alert(1)' },
    ]);
    expect(linkify('<b>http://x.test</b>')).toEqual([
      { type: 'text', text: '<b>' },
      { type: 'link', text: 'http://x.test', href: 'http://x.test/' },
      { type: 'text', text: '</b>' },
    ]);
  });
});
