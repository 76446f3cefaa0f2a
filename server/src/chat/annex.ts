import type { ReportLanguage } from '@roundtable/shared';
import type { Block } from '../reports/export/blocks.js';
import type { Db } from '../store/db.js';
import { listPublicChat, readChatInReport } from './messages.js';

const TITLE: Record<ReportLanguage, string> = { en: 'Annex: public chat', ja: '付属資料：公開チャット' };

/**
 * The room's public chat as report blocks (a heading, then one paragraph per message, oldest
 * first, deleted messages left out), when the event's organizers chose to include it; else none.
 */
export async function publicChatAnnex(
  db: Db,
  eventId: string,
  roomId: string,
  language: ReportLanguage,
): Promise<Block[]> {
  if (!(await readChatInReport(db, eventId))) return [];
  const messages = await listPublicChat(db, roomId);
  if (messages.length === 0) return [];
  return [
    { type: 'heading', level: 2, content: [{ text: TITLE[language] }] },
    ...messages.map((m): Block => ({
      type: 'paragraph',
      content: [
        { text: `${new Date(m.sentAt).toISOString().slice(0, 16).replace('T', ' ')} UTC ` },
        { text: m.authorName, bold: true },
        { text: `: ${m.text}` },
      ],
    })),
  ];
}
