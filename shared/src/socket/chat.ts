import { z } from 'zod';
import {
  ChatChannelSchema,
  ChatLimits,
  ChatMessageSchema,
  ChatSettingsSchema,
  ChatTabSchema,
} from '../chat/state.js';
import { IdSchema } from '../domain/people.js';
import type { Command } from './common.js';

/**
 * Room chat events. Commands acknowledge `{ ok: true, data }` or `{ ok: false, error: { code,
 * message } }` with a `ChatErrorCode`, `forbidden`, `not_found`, `not_admitted`, `rate_limited`
 * or `validation_failed`. Messages are pushed as `chat:message` to those who may read them;
 * clients order them by `id` (the same order on every screen).
 */
export const ChatEvents = {
  Subscribe: 'chat:subscribe',
  Unsubscribe: 'chat:unsubscribe',
  /** One page of a conversation, older than `before`. */
  History: 'chat:history',
  Send: 'chat:send',
  /** Co-chairs: remove a message for everyone (audited). */
  Delete: 'chat:delete',
  /** Co-chairs: pause, slow mode, observers writing. */
  UpdateSettings: 'chat:update-settings',
  /** Remember what the reader has read in a conversation (unread counts). */
  MarkRead: 'chat:mark-read',
  /** Server → client: a new message. */
  Message: 'chat:message',
  /** Server → client: a message was deleted. */
  Deleted: 'chat:deleted',
  /** Server → client: the room's chat rules changed (newest version wins). */
  Settings: 'chat:settings',
  /** Server → client: this socket no longer receives the room's chat (access changed). */
  Unsubscribed: 'chat:unsubscribed',
} as const;

export const ChatRoomPayloadSchema = z.object({ roomId: IdSchema });
export type ChatRoomPayload = z.infer<typeof ChatRoomPayloadSchema>;

export const ChatSendPayloadSchema = ChatRoomPayloadSchema.extend({
  channel: ChatChannelSchema,
  // Room for control characters the server drops; the real limit is checked after normalizing.
  text: z
    .string()
    .min(1)
    .max(ChatLimits.maxMessageLength * 2),
  /** The recipient of a co-chair's direct reply. */
  toPersonId: IdSchema.optional(),
});
export type ChatSendPayload = z.infer<typeof ChatSendPayloadSchema>;

export const ChatHistoryPayloadSchema = ChatRoomPayloadSchema.extend({
  tab: ChatTabSchema,
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(ChatLimits.maxHistoryPage).default(ChatLimits.historyPageSize),
});
export type ChatHistoryPayload = z.input<typeof ChatHistoryPayloadSchema>;

export const ChatDeletePayloadSchema = ChatRoomPayloadSchema.extend({
  messageId: z.number().int().positive(),
});
export type ChatDeletePayload = z.infer<typeof ChatDeletePayloadSchema>;

export const ChatUpdateSettingsPayloadSchema = ChatRoomPayloadSchema.extend({
  settings: ChatSettingsSchema.partial(),
});
export type ChatUpdateSettingsPayload = z.infer<typeof ChatUpdateSettingsPayloadSchema>;

export const ChatMarkReadPayloadSchema = ChatRoomPayloadSchema.extend({
  tab: ChatTabSchema,
  messageId: z.number().int().positive(),
});
export type ChatMarkReadPayload = z.infer<typeof ChatMarkReadPayloadSchema>;

/** The room's chat rules with their version; clients drop older ones. */
export const ChatSettingsPushSchema = z.object({
  roomId: IdSchema,
  version: z.number().int().min(0),
  settings: ChatSettingsSchema,
});
export type ChatSettingsPush = z.infer<typeof ChatSettingsPushSchema>;

/** What subscribing answers: the rules, the conversations the reader may open, unread counts. */
export const ChatSubscribedSchema = ChatSettingsPushSchema.extend({
  tabs: z.array(ChatTabSchema),
  unread: z.record(ChatTabSchema, z.number().int().min(0)),
});
export type ChatSubscribed = z.infer<typeof ChatSubscribedSchema>;

export const ChatHistoryPageSchema = z.object({
  messages: z.array(ChatMessageSchema),
  /** Whether older messages remain. */
  more: z.boolean(),
});
export type ChatHistoryPage = z.infer<typeof ChatHistoryPageSchema>;

export const ChatDeletedSchema = z.object({
  roomId: IdSchema,
  messageId: z.number().int().positive(),
  deletedAt: z.number(),
  deletedBy: IdSchema,
});
export type ChatDeleted = z.infer<typeof ChatDeletedSchema>;

export const ChatUnsubscribedSchema = z.object({
  roomId: IdSchema,
  reason: z.enum(['access_changed', 'removed']),
});
export type ChatUnsubscribed = z.infer<typeof ChatUnsubscribedSchema>;

export interface ChatClientEvents {
  [ChatEvents.Subscribe]: Command<ChatRoomPayload, ChatSubscribed>;
  [ChatEvents.Unsubscribe]: Command<ChatRoomPayload, null>;
  [ChatEvents.History]: Command<ChatHistoryPayload, ChatHistoryPage>;
  [ChatEvents.Send]: Command<ChatSendPayload, z.infer<typeof ChatMessageSchema>>;
  [ChatEvents.Delete]: Command<ChatDeletePayload, null>;
  [ChatEvents.UpdateSettings]: Command<ChatUpdateSettingsPayload, ChatSettingsPush>;
  [ChatEvents.MarkRead]: Command<ChatMarkReadPayload, null>;
}

export interface ChatServerEvents {
  [ChatEvents.Message]: (message: z.infer<typeof ChatMessageSchema>) => void;
  [ChatEvents.Deleted]: (notice: ChatDeleted) => void;
  [ChatEvents.Settings]: (push: ChatSettingsPush) => void;
  [ChatEvents.Unsubscribed]: (notice: ChatUnsubscribed) => void;
}
