import type { Delegation, Event, Person, Room, Series } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import {
  delegationFromRow,
  eventFromRow,
  PERSON_COLUMNS,
  personFromRow,
  roomFromRow,
  seriesFromRow,
} from './rows.js';

/* Reads shared by the event routes; `require*` answer 404 when the thing does not exist. */

export async function findSeries(db: Db, id: string): Promise<Series | null> {
  const row = await db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? seriesFromRow(row) : null;
}

export async function findEvent(db: Db, id: string): Promise<Event | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? eventFromRow(row) : null;
}

export async function requireEvent(db: Db, id: string): Promise<Event> {
  const event = await findEvent(db, id);
  if (!event) throw HttpError.notFound('Event');
  return event;
}

export async function findRoom(db: Db, id: string): Promise<Room | null> {
  const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? roomFromRow(row) : null;
}

export async function requireRoom(db: Db, id: string): Promise<Room> {
  const room = await findRoom(db, id);
  if (!room) throw HttpError.notFound('Room');
  return room;
}

export async function listRooms(db: Db, eventId: string): Promise<Room[]> {
  const rows = await db
    .selectFrom('rooms')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map(roomFromRow);
}

export async function requireDelegation(db: Db, id: string): Promise<Delegation> {
  const row = await db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw HttpError.notFound('Delegation');
  return delegationFromRow(row);
}

export async function findPerson(db: Db, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? personFromRow(row) : null;
}

export async function requirePerson(db: Db, id: string): Promise<Person> {
  const person = await findPerson(db, id);
  if (!person) throw HttpError.notFound('Person');
  return person;
}

/** Finds a person by email, ignoring case (older rows may not be stored lower-cased). */
export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  const row = await db
    .selectFrom('people')
    .select(PERSON_COLUMNS)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row ? personFromRow(row) : null;
}

/** Ids of the people whose room access depends on `delegationId` (its members). */
export async function membersOfDelegation(db: Db, delegationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_members')
    .select('person_id')
    .where('delegation_id', '=', delegationId)
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * True when `err` is a unique-constraint violation on either backend. Checking the constraint
 * at write time (rather than reading first) is what makes duplicates impossible under races.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
