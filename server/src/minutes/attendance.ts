import type { AttendanceEntry, Room } from '@roundtable/shared';
import { readAttendance } from '../presence/attendance.js';
import type { PresenceApi } from '../presence/module.js';
import type { Db } from '../store/db.js';
import { peopleInEvent } from './people.js';

/*
 * Who attended a room: derived from presence (the durable `attendance` table, and who is in the
 * room's audio/video now), corrected by organizers' overrides, frozen at publication.
 */

export interface AttendanceSources {
  db: Db;
  /** Null when presence is not part of the app (then only the stored attendance counts). */
  presence: PresenceApi | null;
}

async function readOverrides(db: Db, roomId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('attendance_overrides')
    .select(['person_id', 'included'])
    .where('room_id', '=', roomId)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.included === 1]));
}

/**
 * The room's attendance with the reason for each entry. `frozen` is the list stored at
 * publication: once published, it alone decides who is included.
 */
export async function readRoomAttendance(
  sources: AttendanceSources,
  room: Room,
  frozen: readonly string[] | null,
): Promise<AttendanceEntry[]> {
  const [stored, live, overrides] = await Promise.all([
    readAttendance(sources.db, room.id),
    sources.presence ? sources.presence.listRoomPresence(room.id) : Promise.resolve(null),
    readOverrides(sources.db, room.id),
  ]);
  const seconds = new Map(stored.map((r) => [r.personId, r.totalSeconds]));
  // Someone in the audio/video (e.g. joined by phone) may never have opened the room page.
  const inMedia = new Set((live?.entries ?? []).filter((e) => e.inMedia).map((e) => e.personId));
  const ids = new Set([...seconds.keys(), ...inMedia, ...overrides.keys(), ...(frozen ?? [])]);
  const people = await peopleInEvent(sources.db, room.eventId, ids);
  const frozenSet = frozen ? new Set(frozen) : null;
  return people
    .map((person): AttendanceEntry => {
      // Organizers outside every delegation ran the meeting; they are not a participating party.
      const seen = seconds.has(person.personId) || inMedia.has(person.personId);
      const derived = seen && (person.member || !person.isOrganizer);
      const override = overrides.get(person.personId) ?? null;
      return {
        personId: person.personId,
        name: person.name,
        organization: person.organization,
        side: person.side,
        category: person.category,
        delegation: person.delegation,
        seconds: Math.round(seconds.get(person.personId) ?? 0),
        derived,
        override,
        included: frozenSet ? frozenSet.has(person.personId) : (override ?? derived),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
}

/** Records an organizer's decision (replacing an earlier one). */
export async function setAttendanceOverride(
  db: Db,
  roomId: string,
  personId: string,
  included: boolean,
  decidedBy: string,
  at: string,
): Promise<void> {
  const values = { included: included ? 1 : 0, decided_by: decidedBy, decided_at: at };
  await db
    .insertInto('attendance_overrides')
    .values({ room_id: roomId, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(['room_id', 'person_id']).doUpdateSet(values))
    .execute();
}

/** Forgets an organizer's decision: the person is listed as derived again. */
export async function clearAttendanceOverride(db: Db, roomId: string, personId: string): Promise<void> {
  await db
    .deleteFrom('attendance_overrides')
    .where('room_id', '=', roomId)
    .where('person_id', '=', personId)
    .execute();
}
