import {
  ChatDeletePayloadSchema,
  ChatErrorCode,
  ChatEvents,
  ChatHistoryPayloadSchema,
  ChatLimits,
  ChatMarkReadPayloadSchema,
  ChatRoomPayloadSchema,
  ChatSendPayloadSchema,
  ChatUpdateSettingsPayloadSchema,
  checkChatPost,
  ErrorCode,
  tabsFor,
  type ChatRole,
  type ChatViewer,
  type ClientToServerEvents,
  type Room,
} from '@roundtable/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.js';
import type { Logger } from '../logger.js';
import type { Clock, RoundtableSocket } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import type { Store } from '../store/db.js';
import type { HandLimiter } from '../speaking/hand-limiter.js';
import type { Person } from '../access/guard.js';
import type { Cooldown } from './cooldown.js';
import { chatRoleOf, gatedListener, requireModerator, type RoomGate } from './gate.js';
import { findMessage, insertMessage, listHistory, markDeleted, markRead, unreadCounts } from './messages.js';
import { chatRooms } from './names.js';
import type { ChatService } from './service.js';

export interface ChatHandlerDeps {
  service: ChatService;
  gate: RoomGate;
  store: Store;
  /** Messages per person (`ChatLimits.maxMessagesPer10s`), on this instance. */
  limiter: HandLimiter;
  cooldown: Cooldown;
  clock: Clock;
  logger: Logger;
}

/** The socket rooms a reader of `role` joins: what `audiencesOf` may address them by. */
function roomsFor(roomId: string, personId: string, role: ChatRole): string[] {
  const rooms = [chatRooms.everyone(roomId), chatRooms.person(roomId, personId)];
  if (role === 'moderator') rooms.push(chatRooms.moderators(roomId));
  if (role === 'note_taker') rooms.push(chatRooms.noteTakers(roomId));
  return rooms;
}

const ALL_ROLES: ChatRole[] = ['moderator', 'note_taker', 'participant', 'observer'];

/** The chat events of one socket: parse, let through the gate, apply, acknowledge. */
export function registerChatHandlers(socket: RoundtableSocket, deps: ChatHandlerDeps): void {
  const { service, gate, store, clock, logger } = deps;
  const personId = socket.data.personId;
  const gated = gatedListener(socket, gate, logger);
  const on = <S extends z.ZodType<{ roomId: string }>>(
    event: keyof ClientToServerEvents & `chat:${string}`,
    schema: S,
    handler: (payload: z.infer<S>, viewer: ChatViewer, room: Room, person: Person) => Promise<unknown>,
    serial = false,
  ): void =>
    gated(
      event,
      schema,
      (payload, { person, room }) =>
        handler(payload, { personId, role: chatRoleOf(person, room) }, room, person),
      { serial },
    );

  const leaveAll = async (roomId: string): Promise<void> => {
    for (const role of ALL_ROLES)
      for (const name of roomsFor(roomId, personId, role)) await socket.leave(name);
  };

  on(ChatEvents.Subscribe, ChatRoomPayloadSchema, async ({ roomId }, viewer) => {
    // Join before reading: a message sent in between is then pushed, not lost.
    await leaveAll(roomId);
    await socket.join(roomsFor(roomId, personId, viewer.role));
    gate.track(socket, 'chat', roomId, async (outcome) => {
      await leaveAll(roomId);
      if (outcome.lost) {
        socket.emit(ChatEvents.Unsubscribed, { roomId, reason: outcome.lost });
        return;
      }
      // Still in the room, perhaps in another role: read exactly what the new role may read.
      await socket.join(roomsFor(roomId, personId, chatRoleOf(outcome.person, outcome.room)));
    });
    const tabs = tabsFor(viewer.role);
    const [settings, unread] = await Promise.all([
      service.settingsOf(roomId),
      unreadCounts(store.db, roomId, viewer, tabs),
    ]);
    return { ...settings, tabs, unread };
  });

  on(ChatEvents.Unsubscribe, ChatRoomPayloadSchema, async ({ roomId }) => {
    gate.untrack(socket, 'chat', roomId);
    await leaveAll(roomId);
    return null;
  });

  on(ChatEvents.History, ChatHistoryPayloadSchema, async (p, viewer) => {
    if (!tabsFor(viewer.role).includes(p.tab)) {
      throw new CommandError(ChatErrorCode.ChannelForbidden, 'You cannot read this conversation.');
    }
    return listHistory(store.db, p.roomId, p.tab, viewer, p.before, p.limit);
  });

  // Serial: two messages sent back to back must get their ids (their place) in the order sent.
  on(ChatEvents.Send, ChatSendPayloadSchema, (p, viewer, room) => send(p, viewer, room), true);

  const send = async (p: z.infer<typeof ChatSendPayloadSchema>, viewer: ChatViewer, room: Room) => {
    const now = clock.now();
    const { settings } = await service.settingsOf(room.id);
    // Every rule but slow mode first, so a refused post does not use up the interval.
    const checked = checkChatPost(settings, viewer, p, now, null);
    if ('error' in checked) throw new CommandError(checked.error.code, checked.error.message);
    if (!deps.limiter.take(personId, now)) {
      throw new CommandError(ErrorCode.RateLimited, 'Too many messages; wait a few seconds.');
    }
    if (p.channel === 'everyone' && viewer.role !== 'moderator' && settings.slowModeSeconds > 0) {
      const held = await deps.cooldown.claim(`${room.id}:${personId}`, now, settings.slowModeSeconds * 1000);
      const slowed = held === null ? null : checkChatPost(settings, viewer, p, now, held);
      if (slowed && 'error' in slowed) throw new CommandError(slowed.error.code, slowed.error.message);
    }
    if (checked.toPersonId !== null) {
      const target = await gate.access.person(checked.toPersonId);
      if (!target) throw new CommandError(ErrorCode.NotFound, 'No such person.');
    }
    const message = await insertMessage(store.db, {
      roomId: room.id,
      channel: p.channel,
      authorId: personId,
      authorName: socket.data.name,
      toPersonId: checked.toPersonId,
      text: checked.text,
      sentAt: now,
    });
    service.deliver(message);
    return message;
  };

  on(ChatEvents.Delete, ChatDeletePayloadSchema, async (p, _viewer, room, person) => {
    requireModerator(person, room, 'delete chat messages');
    const message = await findMessage(store.db, room.id, p.messageId);
    if (!message) throw new CommandError(ChatErrorCode.MessageNotFound, 'That message does not exist.');
    const at = clock.now();
    if (!(await markDeleted(store.db, room.id, message.id, personId, at))) return null;
    // Audited with the message's author and channel, not its text: the log keeps no deleted words.
    await recordAudit(store.db, {
      eventId: room.eventId,
      roomId: room.id,
      actorId: personId,
      action: 'chat.delete',
      targetId: message.authorId,
      data: { messageId: message.id, channel: message.channel },
      at: new Date(at).toISOString(),
    });
    service.announceDeleted(message, personId, at);
    return null;
  });

  on(ChatEvents.UpdateSettings, ChatUpdateSettingsPayloadSchema, async (p, _viewer, room, person) => {
    requireModerator(person, room, 'change the chat rules');
    return service.updateSettings(room, personId, p.settings);
  });

  on(ChatEvents.MarkRead, ChatMarkReadPayloadSchema, async (p) => {
    await markRead(store.db, p.roomId, personId, p.tab, p.messageId);
    return null;
  });
}

/** Messages per person per 10 seconds. */
export const CHAT_LIMIT = { limit: ChatLimits.maxMessagesPer10s, windowMs: 10_000 };
