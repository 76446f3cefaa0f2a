import {
  ChatErrorCode,
  ChatLimits,
  type ChatChannel,
  type ChatMessage,
  type ChatSettings,
  type ChatTab,
  type ChatViewer,
} from './state.js';

/** A refusal with the chat's code. */
export interface ChatRefusal {
  error: { code: ChatErrorCode; message: string };
}

const refuse = (code: ChatErrorCode, message: string): ChatRefusal => ({ error: { code, message } });

// Control characters other than newline and tab would reorder or hide text (bidi overrides
// included), so they never reach another screen.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** The text as stored: unsafe control characters dropped, trimmed, within the length limit. */
export function normalizeChatText(raw: string): { text: string } | ChatRefusal {
  const text = raw.replace(UNSAFE, '').replace(/\r\n?/g, '\n').trim();
  if (text === '') return refuse(ChatErrorCode.EmptyMessage, 'Write something first.');
  if ([...text].length > ChatLimits.maxMessageLength) {
    return refuse(
      ChatErrorCode.MessageTooLong,
      `Messages hold at most ${ChatLimits.maxMessageLength} characters.`,
    );
  }
  return { text };
}

/** The conversation a message is shown in. */
export function tabOf(channel: ChatChannel): ChatTab {
  return channel === 'direct' ? 'chairs' : channel;
}

/** The conversations `role` may read. */
export function tabsFor(role: ChatViewer['role']): ChatTab[] {
  return role === 'moderator' || role === 'note_taker'
    ? ['everyone', 'chairs', 'note_takers']
    : ['everyone', 'chairs'];
}

/** Whether `viewer` may read `message`. */
export function canReadMessage(
  message: Pick<ChatMessage, 'channel' | 'authorId' | 'toPersonId'>,
  viewer: ChatViewer,
): boolean {
  const moderator = viewer.role === 'moderator';
  switch (message.channel) {
    case 'everyone':
      return true;
    case 'chairs':
      return moderator || message.authorId === viewer.personId;
    case 'note_takers':
      return moderator || viewer.role === 'note_taker';
    case 'direct':
      return moderator || message.toPersonId === viewer.personId;
  }
}

/** Who receives a message live: the audiences the server maps to socket rooms. */
export type ChatAudience =
  | { kind: 'everyone' }
  | { kind: 'moderators' }
  | { kind: 'note_takers' }
  | { kind: 'person'; personId: string };

export function audiencesOf(
  message: Pick<ChatMessage, 'channel' | 'authorId' | 'toPersonId'>,
): ChatAudience[] {
  switch (message.channel) {
    case 'everyone':
      return [{ kind: 'everyone' }];
    case 'chairs':
      return [{ kind: 'moderators' }, { kind: 'person', personId: message.authorId }];
    case 'note_takers':
      return [{ kind: 'moderators' }, { kind: 'note_takers' }];
    case 'direct':
      return message.toPersonId
        ? [{ kind: 'moderators' }, { kind: 'person', personId: message.toPersonId }]
        : [{ kind: 'moderators' }];
  }
}

export interface ChatPost {
  channel: ChatChannel;
  text: string;
  toPersonId?: string | undefined;
}

/**
 * Whether `writer` may send `post` now under `settings`. `lastPublicAt` is when the writer last
 * wrote to everyone (slow mode), or null. Returns the normalized text to store.
 */
export function checkChatPost(
  settings: ChatSettings,
  writer: ChatViewer,
  post: ChatPost,
  now: number,
  lastPublicAt: number | null,
): { text: string; toPersonId: string | null } | ChatRefusal {
  const moderator = writer.role === 'moderator';
  if (writer.role === 'observer' && !settings.observersMayWrite) {
    return refuse(ChatErrorCode.ReadOnly, 'Observers read the chat but do not write in it.');
  }
  if (settings.paused && !moderator)
    return refuse(ChatErrorCode.Paused, 'The co-chairs have paused the chat.');
  if (post.channel === 'direct' && !moderator) {
    return refuse(ChatErrorCode.ChannelForbidden, 'Only co-chairs reply to one person.');
  }
  if (post.channel === 'note_takers' && !moderator && writer.role !== 'note_taker') {
    return refuse(ChatErrorCode.ChannelForbidden, 'Only note-takers and co-chairs write here.');
  }
  if (post.channel === 'direct' && !post.toPersonId) {
    return refuse(ChatErrorCode.RecipientRequired, 'Choose whom to reply to.');
  }
  if (
    post.channel === 'everyone' &&
    !moderator &&
    settings.slowModeSeconds > 0 &&
    lastPublicAt !== null &&
    now - lastPublicAt < settings.slowModeSeconds * 1000
  ) {
    const wait = Math.ceil((lastPublicAt + settings.slowModeSeconds * 1000 - now) / 1000);
    return refuse(ChatErrorCode.SlowMode, `Slow mode: wait ${wait} s before your next message.`);
  }
  const normalized = normalizeChatText(post.text);
  if ('error' in normalized) return normalized;
  return { text: normalized.text, toPersonId: post.channel === 'direct' ? (post.toPersonId ?? null) : null };
}

/** Puts messages in the one order every client shows: by id, each once (pushes may race history). */
export function mergeChatMessages(
  held: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  const byId = new Map<number, ChatMessage>();
  for (const m of held) byId.set(m.id, m);
  for (const m of incoming) {
    const known = byId.get(m.id);
    // A deletion only ever goes forward: a late copy of the message must not bring its text back.
    byId.set(m.id, known?.deletedAt != null ? known : m);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
