import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Me, Person } from '@roundtable/shared';
import {
  memberFromRow,
  normalizeEmail,
  personFromRow,
  personToRow,
  roomRoleFromRow,
} from '../events/rows.js';
import type { Db } from '../store/db.js';
import type { Database } from '../store/schema.js';

export type PersonRow = Selectable<Database['people']>;

export interface NewPerson {
  name: string;
  email: string | null;
  organization?: string;
  isOrganizer?: boolean;
  passwordHash?: string | null;
}

/**
 * Inserts a person, or does nothing when the email is taken: the unique index decides, so two
 * instances inserting the same email at once end up with one row. Returns null in that case.
 */
export async function insertPerson(db: Db, person: NewPerson, nowMs: number): Promise<Person | null> {
  const created: Person = {
    id: crypto.randomUUID(),
    name: person.name,
    email: person.email === null ? null : normalizeEmail(person.email),
    organization: person.organization ?? '',
    phone: null,
    isOrganizer: person.isOrganizer ?? false,
  };
  const result = await db
    .insertInto('people')
    .values(personToRow(created, new Date(nowMs).toISOString(), person.passwordHash ?? null))
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? created : null;
}

export function findPersonById(db: Db, personId: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
}

export function findPersonByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

/** Whether any organizer exists; while none does, first-run setup is open. */
export async function organizerExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('is_organizer', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everything the client needs about the signed-in person; null when they no longer exist. */
export async function loadMe(db: Db, personId: string): Promise<Me | null> {
  const person = await findPersonById(db, personId);
  if (!person) return null;
  const memberships = await db
    .selectFrom('event_members')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('event_id')
    .execute();
  const roles = await db
    .selectFrom('room_roles')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('room_id')
    .execute();
  return {
    person: personFromRow(person),
    memberships: memberships.map(memberFromRow),
    roles: roles.map(roomRoleFromRow),
  };
}
