import type { AuditEntry } from '@roundtable/shared';
import type { Db, Tx } from '../store/db.js';

/** What a module records; `at` defaults to now. */
export interface AuditRecord {
  eventId?: string | null;
  roomId?: string | null;
  /** Null for the server itself. */
  actorId: string | null;
  /** `domain.verb`, e.g. `speaking.give`. */
  action: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
  at?: string;
}

function toRow(entry: AuditRecord) {
  return {
    event_id: entry.eventId ?? null,
    room_id: entry.roomId ?? null,
    actor_id: entry.actorId,
    action: entry.action,
    target_id: entry.targetId ?? null,
    data: JSON.stringify(entry.data ?? {}),
    at: entry.at ?? new Date().toISOString(),
  };
}

/**
 * Appends moderation actions to the audit log (inside `tx` when the action's own writes are in
 * one, so both land or neither). Failures propagate: an action we cannot account for is an error.
 */
export async function recordAudit(db: Db | Tx, entry: AuditRecord | readonly AuditRecord[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry as AuditRecord];
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map(toRow)).execute();
}

export interface AuditFilter {
  roomId: string;
  /** Only entries with a larger id (pagination cursor). */
  after?: number;
  limit?: number;
}

/** A room's audit entries, oldest first, with the actor's and target's names where known. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('people as actor', 'actor.id', 'audit_log.actor_id')
    .leftJoin('people as target', 'target.id', 'audit_log.target_id')
    .select([
      'audit_log.id',
      'audit_log.event_id',
      'audit_log.room_id',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.target_id',
      'audit_log.data',
      'audit_log.at',
      'actor.name as actor_name',
      'target.name as target_name',
    ])
    .where('audit_log.room_id', '=', filter.roomId)
    .where('audit_log.id', '>', filter.after ?? 0)
    .orderBy('audit_log.id')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    eventId: row.event_id,
    roomId: row.room_id,
    actorId: row.actor_id,
    actorName: row.actor_name ?? null,
    action: row.action,
    targetId: row.target_id,
    targetName: row.target_name ?? null,
    data: JSON.parse(row.data) as Record<string, unknown>,
    at: row.at,
  }));
}
