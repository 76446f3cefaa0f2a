import type { ExpressionBuilder } from 'kysely';
import {
  ChatChannelSchema,
  type ChatChannel,
  type ChatMessage,
  type ChatTab,
  type ChatViewer,
} from '@roundtable/shared';
import type { Database } from '../store/schema.js';
import type { Db, Tx } from '../store/db.js';

/* The chat's table: messages in id order, read markers, and the per-event report choice. */

// PostgreSQL returns bigserial ids as strings.
type MessageRow = Omit<Database['chat_messages'], 'id'> & { id: number | string };

function toMessage(row: MessageRow): ChatMessage {
  return {
    id: Number(row.id),
    roomId: row.room_id,
    channel: ChatChannelSchema.parse(row.channel),
    authorId: row.author_id,
    authorName: row.author_name,
    toPersonId: row.to_person_id,
    text: row.deleted_at ? '' : row.text,
    sentAt: Date.parse(row.sent_at),
    deletedAt: row.deleted_at ? Date.parse(row.deleted_at) : null,
    deletedBy: row.deleted_by,
  };
}

export interface NewMessage {
  roomId: string;
  channel: ChatChannel;
  authorId: string;
  authorName: string;
  toPersonId: string | null;
  text: string;
  sentAt: number;
}

/** Stores a message; the id the store assigns is its place in the room's one order. */
export async function insertMessage(db: Db, message: NewMessage): Promise<ChatMessage> {
  const row = await db
    .insertInto('chat_messages')
    .values({
      room_id: message.roomId,
      channel: message.channel,
      author_id: message.authorId,
      author_name: message.authorName,
      to_person_id: message.toPersonId,
      text: message.text,
      sent_at: new Date(message.sentAt).toISOString(),
      deleted_at: null,
      deleted_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMessage(row);
}

/** The rows of `tab` that `viewer` may read (the same rule as `canReadMessage`, in SQL). */
function visibleIn(tab: ChatTab, viewer: ChatViewer) {
  return (eb: ExpressionBuilder<Database, 'chat_messages'>) => {
    const moderator = viewer.role === 'moderator';
    switch (tab) {
      case 'everyone':
        return eb('channel', '=', 'everyone');
      case 'note_takers':
        return moderator || viewer.role === 'note_taker' ? eb('channel', '=', 'note_takers') : eb.lit(false);
      case 'chairs':
        return moderator
          ? eb('channel', 'in', ['chairs', 'direct'])
          : eb.or([
              eb.and([eb('channel', '=', 'chairs'), eb('author_id', '=', viewer.personId)]),
              eb.and([eb('channel', '=', 'direct'), eb('to_person_id', '=', viewer.personId)]),
            ]);
    }
  };
}

/** One page of a conversation, oldest first, older than `before` when given. */
export async function listHistory(
  db: Db,
  roomId: string,
  tab: ChatTab,
  viewer: ChatViewer,
  before: number | undefined,
  limit: number,
): Promise<{ messages: ChatMessage[]; more: boolean }> {
  let query = db
    .selectFrom('chat_messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where(visibleIn(tab, viewer));
  if (before !== undefined) query = query.where('id', '<', before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return { messages: rows.slice(0, limit).map(toMessage).reverse(), more: rows.length > limit };
}

export async function findMessage(db: Db, roomId: string, id: number): Promise<ChatMessage | null> {
  const row = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toMessage(row) : null;
}

/** Marks a message deleted (its text is dropped); false when it was already deleted. */
export async function markDeleted(
  db: Db,
  roomId: string,
  id: number,
  by: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('chat_messages')
    .set({ deleted_at: new Date(at).toISOString(), deleted_by: by, text: '' })
    .where('room_id', '=', roomId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Messages of each tab newer than the reader's marker, not written by the reader. */
export async function unreadCounts(
  db: Db,
  roomId: string,
  viewer: ChatViewer,
  tabs: readonly ChatTab[],
): Promise<Record<ChatTab, number>> {
  const markers = await db
    .selectFrom('chat_reads')
    .select(['tab', 'last_read_id'])
    .where('room_id', '=', roomId)
    .where('person_id', '=', viewer.personId)
    .execute();
  const marker = new Map(markers.map((m) => [m.tab, Number(m.last_read_id)]));
  const counts: Record<ChatTab, number> = { everyone: 0, chairs: 0, note_takers: 0 };
  for (const tab of tabs) {
    const row = await db
      .selectFrom('chat_messages')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('room_id', '=', roomId)
      .where(visibleIn(tab, viewer))
      .where('id', '>', marker.get(tab) ?? 0)
      .where('author_id', '!=', viewer.personId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    counts[tab] = Number(row?.n ?? 0);
  }
  return counts;
}

/** Moves the reader's marker forward (never back: tabs open on two screens may report late). */
export async function markRead(
  db: Db,
  roomId: string,
  personId: string,
  tab: ChatTab,
  id: number,
): Promise<void> {
  await db
    .insertInto('chat_reads')
    .values({ room_id: roomId, person_id: personId, tab, last_read_id: id })
    .onConflict((oc) =>
      oc
        .columns(['room_id', 'person_id', 'tab'])
        .doUpdateSet({ last_read_id: id })
        .where('chat_reads.last_read_id', '<', id),
    )
    .execute();
}

/** Whether the event's report carries its rooms' public chat as an annex. */
export async function readChatInReport(db: Db, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('chat_event_settings')
    .select('public_chat_in_report')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.public_chat_in_report === 1;
}

export async function writeChatInReport(db: Db | Tx, eventId: string, include: boolean): Promise<void> {
  const value = include ? 1 : 0;
  await db
    .insertInto('chat_event_settings')
    .values({ event_id: eventId, public_chat_in_report: value })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ public_chat_in_report: value }))
    .execute();
}

/** The public chat of a room, oldest first, without deleted messages (the report's annex). */
export async function listPublicChat(db: Db, roomId: string): Promise<ChatMessage[]> {
  const rows = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('channel', '=', 'everyone')
    .where('deleted_at', 'is', null)
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toMessage);
}
