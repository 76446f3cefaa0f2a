import { AuditPageSchema, MediaStatusSchema, MemberViewSchema, type AuditEntry } from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, getJson } from '../api/http';

export const roomKeys = {
  room: (roomId: string) => ['rooms', roomId] as const,
  audit: (roomId: string) => ['rooms', roomId, 'audit'] as const,
  media: (roomId: string) => ['rooms', roomId, 'media'] as const,
  members: (eventId: string) => ['events', eventId, 'members', 'for-room'] as const,
};

/** Pages the audit log holds at most in this view: a meeting's moderation fits easily. */
const MAX_AUDIT_PAGES = 10;

/** The room's audit log, oldest first (every page, up to a generous bound). */
export async function fetchAudit(roomId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let after = 0;
  for (let page = 0; page < MAX_AUDIT_PAGES; page++) {
    const result = await getJson(
      `${apiPath('rooms', roomId, 'audit')}?after=${after}&limit=500`,
      AuditPageSchema,
      signal,
    );
    entries.push(...result.entries);
    if (result.next === null) break;
    after = result.next;
  }
  return entries;
}

/** The event's members (organizers only), to put someone absent on the list. */
export function fetchMembers(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId, 'members'), z.array(MemberViewSchema), signal);
}

/** Whether the room has audio/video, and why not. */
export function fetchMediaStatus(roomId: string, signal?: AbortSignal) {
  return getJson(apiPath('rooms', roomId, 'media'), MediaStatusSchema, signal);
}
