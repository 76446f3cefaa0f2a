import { z } from 'zod';
import { IdSchema } from '../domain/people.js';

/** Limits of the room chat, used by the server to refuse and by the client to stop early. */
export const ChatLimits = {
  /** Characters in one message (after trimming). */
  maxMessageLength: 2000,
  /** Messages a person may send per 10 seconds, on any channel. */
  maxMessagesPer10s: 6,
  /** Messages one history page holds by default, and at most. */
  historyPageSize: 50,
  maxHistoryPage: 200,
  /** Longest slow-mode interval a co-chair may set. */
  maxSlowModeSeconds: 600,
} as const;

/**
 * Where a message goes: everyone in the room; `chairs`, a private note seen by the co-chairs and
 * the sender; `note_takers` among themselves (and the co-chairs); `direct`, a co-chair's reply to
 * one person (seen by that person and the co-chairs).
 */
export const ChatChannelSchema = z.enum(['everyone', 'chairs', 'note_takers', 'direct']);
export type ChatChannel = z.infer<typeof ChatChannelSchema>;

/**
 * The conversations a reader sees: direct replies belong with the notes to the chairs, so a
 * participant reads their exchange with the co-chairs in one place.
 */
export const ChatTabSchema = z.enum(['everyone', 'chairs', 'note_takers']);
export type ChatTab = z.infer<typeof ChatTabSchema>;

/** How the chat sees a reader or writer; the server derives it from the room's rules. */
export const ChatRoleSchema = z.enum(['moderator', 'note_taker', 'participant', 'observer']);
export type ChatRole = z.infer<typeof ChatRoleSchema>;

export interface ChatViewer {
  personId: string;
  role: ChatRole;
}

/** One message as stored and sent. Times are server epoch milliseconds; ids grow in send order. */
export const ChatMessageSchema = z.object({
  id: z.number().int().positive(),
  roomId: IdSchema,
  channel: ChatChannelSchema,
  authorId: IdSchema,
  authorName: z.string(),
  /** The recipient of a direct reply; null on every other channel. */
  toPersonId: IdSchema.nullable(),
  /** Empty once deleted. */
  text: z.string(),
  sentAt: z.number(),
  deletedAt: z.number().nullable(),
  deletedBy: IdSchema.nullable(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** A room's chat rules, set by its co-chairs. */
export const ChatSettingsSchema = z.object({
  /** Only co-chairs may write while paused. */
  paused: z.boolean(),
  /** Seconds a person waits between messages to everyone; 0 is off. Co-chairs are exempt. */
  slowModeSeconds: z.number().int().min(0).max(ChatLimits.maxSlowModeSeconds),
  /** Observers read only unless this is on. */
  observersMayWrite: z.boolean(),
});
export type ChatSettings = z.infer<typeof ChatSettingsSchema>;

export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  paused: false,
  slowModeSeconds: 0,
  observersMayWrite: false,
};

/** Every refusal of the chat. */
export const ChatErrorCode = {
  Paused: 'chat_paused',
  SlowMode: 'slow_mode',
  ReadOnly: 'chat_read_only',
  ChannelForbidden: 'channel_forbidden',
  RecipientRequired: 'recipient_required',
  EmptyMessage: 'empty_message',
  MessageTooLong: 'message_too_long',
  MessageNotFound: 'message_not_found',
} as const;
export type ChatErrorCode = (typeof ChatErrorCode)[keyof typeof ChatErrorCode];
