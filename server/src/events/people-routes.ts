import crypto from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import { CreatePersonBodySchema, PersonSchema, type Person } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { nowIso } from '../store/db.js';
import { ORGANIZER_ERRORS, requireGlobalAction } from './guards.js';
import { normalizeEmail, PERSON_COLUMNS, personFromRow, personToRow } from './rows.js';
import { findPersonByEmail, isUniqueViolation } from './store.js';

const tags = ['people'];
const emailTaken = 'Someone with this email exists already.';

/** The people directory, declared once for validation and the OpenAPI document. */
export const PeopleRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/people',
    summary: 'List everyone known to this installation',
    tags,
    access: 'organizer',
    response: z.array(PersonSchema),
    errors: ORGANIZER_ERRORS,
  }),
  create: defineRoute({
    method: 'post',
    path: '/people',
    summary: 'Add a person directly (e.g. a co-chair official), without registration',
    tags,
    access: 'organizer',
    body: CreatePersonBodySchema,
    response: PersonSchema,
    status: 201,
    errors: { 400: 'Invalid fields.', ...ORGANIZER_ERRORS, 409: emailTaken },
  }),
} as const;

export function mountPeopleRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  mountRoute(router, PeopleRoutes.list, async ({ req }) => {
    await requireGlobalAction(sessions, req, 'people:manage');
    const rows = await db.selectFrom('people').select(PERSON_COLUMNS).orderBy('name').execute();
    return rows.map(personFromRow);
  });

  mountRoute(router, PeopleRoutes.create, async ({ req, body }) => {
    await requireGlobalAction(sessions, req, 'people:manage');
    const email = body.email === null ? null : normalizeEmail(body.email);
    // The unique index is case-sensitive and older rows may be mixed-case: look first, then let
    // the index catch the race between two identical requests.
    if (email !== null && (await findPersonByEmail(db, email))) throw HttpError.conflict(emailTaken);
    const person: Person = { id: crypto.randomUUID(), ...body, email, isOrganizer: false };
    try {
      await db
        .insertInto('people')
        .values(
          personToRow(
            person,
            nowIso(() => context.clock.now()),
          ),
        )
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw HttpError.conflict(emailTaken);
      throw err;
    }
    return person;
  });
}
