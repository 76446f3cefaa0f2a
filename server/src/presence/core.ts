import { PresenceEntrySchema, type PresenceEntry } from '@roundtable/shared';
import type { z } from 'zod';

/**
 * Pure presence core. A room's presence is a flat field map — the same shape as the Redis hash
 * that holds it, so both stores share these functions:
 * - `v` → the room's version;
 * - `c:<instanceId>:<socketId>` → one connection's record (JSON);
 * - `m:<personId>` → present when the person is in the room's audio/video.
 */
export type RoomFields = ReadonlyMap<string, string>;

/** What one connection contributes: the person as they joined, and when. */
export const ConnectionRecordSchema = PresenceEntrySchema.omit({ inMedia: true, connections: true });
export type ConnectionRecord = z.infer<typeof ConnectionRecordSchema>;

/** A change to one room's presence. `remove-instance` drops every connection of a dead instance. */
export type PresenceOp =
  | { kind: 'add'; connectionId: string; record: ConnectionRecord }
  | { kind: 'remove'; connectionId: string }
  | { kind: 'media'; personId: string; inMedia: boolean }
  | { kind: 'remove-instance'; instanceId: string };

export const VERSION_FIELD = 'v';
const CONNECTION = 'c:';
const MEDIA = 'm:';

export const connectionField = (connectionId: string): string => `${CONNECTION}${connectionId}`;
export const instanceFieldPrefix = (instanceId: string): string => `${CONNECTION}${instanceId}:`;
export const mediaField = (personId: string): string => `${MEDIA}${personId}`;

/** The field writes an op makes, given the fields before it. Empty when the op changes nothing. */
export function fieldWrites(before: RoomFields, op: PresenceOp): { set: [string, string][]; del: string[] } {
  switch (op.kind) {
    case 'add':
      return { set: [[connectionField(op.connectionId), JSON.stringify(op.record)]], del: [] };
    case 'remove': {
      const field = connectionField(op.connectionId);
      return { set: [], del: before.has(field) ? [field] : [] };
    }
    case 'media': {
      const field = mediaField(op.personId);
      if (op.inMedia) return { set: before.has(field) ? [] : [[field, '1']], del: [] };
      return { set: [], del: before.has(field) ? [field] : [] };
    }
    case 'remove-instance': {
      const prefix = instanceFieldPrefix(op.instanceId);
      return { set: [], del: [...before.keys()].filter((f) => f.startsWith(prefix)) };
    }
  }
}

/** Applies an op: the fields after it, with the version bumped when anything changed. */
export function applyPresenceOp(before: RoomFields, op: PresenceOp): Map<string, string> {
  const { set, del } = fieldWrites(before, op);
  const after = new Map(before);
  if (set.length === 0 && del.length === 0) return after;
  for (const [field, value] of set) after.set(field, value);
  for (const field of del) after.delete(field);
  after.set(VERSION_FIELD, String(versionOf(before) + 1));
  return after;
}

export function versionOf(fields: RoomFields): number {
  const raw = fields.get(VERSION_FIELD);
  const version = raw === undefined ? 0 : Number(raw);
  return Number.isSafeInteger(version) && version >= 0 ? version : 0;
}

/** Connection ids (`<instanceId>:<socketId>`) held in the fields. */
export function connectionIds(fields: RoomFields): string[] {
  return [...fields.keys()].filter((f) => f.startsWith(CONNECTION)).map((f) => f.slice(CONNECTION.length));
}

/**
 * One entry per present person, ordered by arrival. Identity comes from the person's latest
 * connection (a role changed since an older tab joined shows the new role); `since` from the earliest.
 * Records that fail validation are skipped rather than poisoning the whole room.
 */
export function aggregatePresence(fields: RoomFields): PresenceEntry[] {
  const byPerson = new Map<string, { latest: ConnectionRecord; since: number; connections: number }>();
  for (const [field, value] of fields) {
    if (!field.startsWith(CONNECTION)) continue;
    const record = parseRecord(value);
    if (!record) continue;
    const seen = byPerson.get(record.personId);
    if (!seen) {
      byPerson.set(record.personId, { latest: record, since: record.since, connections: 1 });
      continue;
    }
    seen.connections += 1;
    seen.since = Math.min(seen.since, record.since);
    if (record.since >= seen.latest.since) seen.latest = record;
  }
  return [...byPerson.values()]
    .map(({ latest, since, connections }) => ({
      ...latest,
      since,
      connections,
      inMedia: fields.has(mediaField(latest.personId)),
    }))
    .sort((a, b) => a.since - b.since || a.personId.localeCompare(b.personId));
}

function parseRecord(value: string): ConnectionRecord | null {
  try {
    const parsed = ConnectionRecordSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A person-level change to announce. */
export type PresenceDelta =
  | { kind: 'joined'; entry: PresenceEntry }
  | { kind: 'updated'; entry: PresenceEntry }
  | { kind: 'left'; personId: string };

/** What changed for people between two states of a room; connection churn of a present person is `updated`. */
export function diffPresence(before: RoomFields, after: RoomFields): PresenceDelta[] {
  const old = new Map(aggregatePresence(before).map((e) => [e.personId, e]));
  const now = new Map(aggregatePresence(after).map((e) => [e.personId, e]));
  const deltas: PresenceDelta[] = [];
  for (const [personId, entry] of now) {
    const previous = old.get(personId);
    if (!previous) deltas.push({ kind: 'joined', entry });
    else if (!sameEntry(previous, entry)) deltas.push({ kind: 'updated', entry });
  }
  for (const personId of old.keys()) {
    if (!now.has(personId)) deltas.push({ kind: 'left', personId });
  }
  return deltas;
}

function sameEntry(a: PresenceEntry, b: PresenceEntry): boolean {
  return (
    a.name === b.name &&
    a.side === b.side &&
    a.delegationName?.en === b.delegationName?.en &&
    a.delegationName?.ja === b.delegationName?.ja &&
    a.category === b.category &&
    a.role === b.role &&
    a.since === b.since &&
    a.inMedia === b.inMedia &&
    a.connections === b.connections
  );
}

/** People present and how many of them are in the audio/video. */
export function countPresence(fields: RoomFields): { people: number; inMedia: number } {
  const entries = aggregatePresence(fields);
  return { people: entries.length, inMedia: entries.filter((e) => e.inMedia).length };
}
