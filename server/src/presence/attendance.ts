import { sql } from 'kysely';
import type { Db } from '../store/db.js';

/**
 * Durable attendance: one row per room and person. An interval opens when the person's first
 * connection joins anywhere and closes when their last one leaves, so several tabs or instances
 * never count twice. Every instance refreshes `last_seen` of the people it holds on each heartbeat;
 * an interval closed by the sweeper (its instance crashed) ends at that last sign of life, not at
 * the moment the crash was noticed.
 */
export interface Attendance {
  opened(roomId: string, personId: string, atMs: number): Promise<void>;
  /** Closes the open interval at `atMs`, or at `last_seen` when null (the instance died). */
  closed(roomId: string, personId: string, atMs: number | null): Promise<void>;
  /** Marks these people of a room as seen now. */
  touch(roomId: string, personIds: readonly string[], atMs: number): Promise<void>;
  /** Closes every open interval at its `last_seen` (startup of a lone instance after a crash). */
  closeAllOpen(): Promise<void>;
}

/** One person's attendance of one room; `totalSeconds` includes the open interval up to `lastSeen`. */
export interface AttendanceRecord {
  roomId: string;
  personId: string;
  firstSeen: string;
  lastSeen: string;
  totalSeconds: number;
  present: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function createAttendance(db: Db): Attendance {
  const close = async (roomId: string, personId: string, atMs: number | null): Promise<void> => {
    // Compare-and-set on the interval start: a concurrent close from another instance wins once.
    const row = await db
      .selectFrom('attendance')
      .select(['present_since', 'last_seen', 'total_seconds'])
      .where('room_id', '=', roomId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row?.present_since) return;
    const end = atMs ?? Date.parse(row.last_seen);
    const seconds = Math.max(0, end - Date.parse(row.present_since)) / 1000;
    const lastSeen = iso(Math.max(end, Date.parse(row.last_seen)));
    await db
      .updateTable('attendance')
      .set({ total_seconds: row.total_seconds + seconds, present_since: null, last_seen: lastSeen })
      .where('room_id', '=', roomId)
      .where('person_id', '=', personId)
      .where('present_since', '=', row.present_since)
      .execute();
  };

  return {
    async opened(roomId, personId, atMs) {
      const at = iso(atMs);
      await db
        .insertInto('attendance')
        .values({
          room_id: roomId,
          person_id: personId,
          first_seen: at,
          last_seen: at,
          total_seconds: 0,
          present_since: at,
        })
        .onConflict((oc) =>
          oc.columns(['room_id', 'person_id']).doUpdateSet({
            present_since: sql<string>`coalesce(attendance.present_since, excluded.present_since)`,
            last_seen: (eb) => eb.ref('excluded.last_seen'),
          }),
        )
        .execute();
    },
    closed: close,
    async touch(roomId, personIds, atMs) {
      if (personIds.length === 0) return;
      const at = iso(atMs);
      await db
        .updateTable('attendance')
        .set({ last_seen: at })
        .where('room_id', '=', roomId)
        .where('person_id', 'in', personIds)
        .where('present_since', 'is not', null)
        .where('last_seen', '<', at)
        .execute();
    },
    async closeAllOpen() {
      const open = await db
        .selectFrom('attendance')
        .select(['room_id', 'person_id'])
        .where('present_since', 'is not', null)
        .execute();
      for (const row of open) await close(row.room_id, row.person_id, null);
    },
  };
}

/** Attendance of a room, for reports: every person ever present, with their time in it. */
export async function readAttendance(db: Db, roomId: string): Promise<AttendanceRecord[]> {
  const rows = await db
    .selectFrom('attendance')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('first_seen')
    .execute();
  return rows.map((row) => {
    const open = row.present_since
      ? Math.max(0, Date.parse(row.last_seen) - Date.parse(row.present_since)) / 1000
      : 0;
    return {
      roomId: row.room_id,
      personId: row.person_id,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      totalSeconds: row.total_seconds + open,
      present: row.present_since !== null,
    };
  });
}
