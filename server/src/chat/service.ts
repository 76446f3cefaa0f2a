import {
  audiencesOf,
  ChatEvents,
  ChatSettingsSchema,
  DEFAULT_CHAT_SETTINGS,
  type ChatAudience,
  type ChatMessage,
  type ChatSettings,
  type ChatSettingsPush,
  type Room,
} from '@roundtable/shared';
import { recordAudit, type AuditRecord } from '../audit/audit.js';
import type { ModuleContext } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import { chatRooms } from './names.js';

export type ChatService = ReturnType<typeof createChatService>;

/** The chat's server-owned parts: each room's rules (versioned, shared by instances) and delivery. */
export function createChatService(context: ModuleContext) {
  const { io, logger, metrics, store } = context;
  const settings = context.roomStates.open<ChatSettings>(
    'chat',
    ChatSettingsSchema,
    () => DEFAULT_CHAT_SETTINGS,
  );

  const roomOf = (roomId: string, audience: ChatAudience): string => {
    switch (audience.kind) {
      case 'everyone':
        return chatRooms.everyone(roomId);
      case 'moderators':
        return chatRooms.moderators(roomId);
      case 'note_takers':
        return chatRooms.noteTakers(roomId);
      case 'person':
        return chatRooms.person(roomId, audience.personId);
    }
  };

  /** Socket.IO delivers once per socket over the union of rooms, so nobody gets a copy twice. */
  const targets = (message: Pick<ChatMessage, 'roomId' | 'channel' | 'authorId' | 'toPersonId'>) =>
    io.to(audiencesOf(message).map((a) => roomOf(message.roomId, a)));

  return {
    async settingsOf(roomId: string): Promise<ChatSettingsPush> {
      const { state, version } = await settings.get(roomId);
      return { roomId, version, settings: state };
    },
    async updateSettings(
      room: Room,
      actorId: string,
      patch: Partial<ChatSettings>,
    ): Promise<ChatSettingsPush> {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const outcome = await settings.update(room.id, (state) => {
        const next = { ...state, ...defined };
        return { state: JSON.stringify(next) === JSON.stringify(state) ? state : next, result: null };
      });
      if (!outcome.accepted) throw new CommandError(outcome.error.code, outcome.error.message);
      const push = { roomId: room.id, version: outcome.version, settings: outcome.state };
      io.to(chatRooms.everyone(room.id)).emit(ChatEvents.Settings, push);
      await audit({
        eventId: room.eventId,
        roomId: room.id,
        actorId,
        action: 'chat.settings',
        data: { settings: defined, version: outcome.version },
      });
      return push;
    },
    deliver(message: ChatMessage): void {
      targets(message).emit(ChatEvents.Message, message);
    },
    announceDeleted(message: ChatMessage, deletedBy: string, deletedAt: number): void {
      targets(message).emit(ChatEvents.Deleted, {
        roomId: message.roomId,
        messageId: message.id,
        deletedBy,
        deletedAt,
      });
    },
    readiness: () => settings.readiness(),
    close: () => settings.close(),
  };

  async function audit(entry: AuditRecord): Promise<void> {
    try {
      await recordAudit(store.db, entry);
    } catch (err) {
      metrics.storeWriteFailures.inc({ kind: 'audit_log' });
      logger.error({ err, action: entry.action }, 'audit write failed');
    }
  }
}
