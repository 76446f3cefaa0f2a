import crypto from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import {
  CreateDelegationBodySchema,
  DelegationSchema,
  UpdateDelegationBodySchema,
  type Category,
  type Delegation,
  type LocalizedText,
} from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { assertCanInEvent, ORGANIZER_ERRORS, requireEventAction } from './guards.js';
import { DelegationParams, EventParams } from './params.js';
import { delegationFromRow, delegationToRow } from './rows.js';
import { isUniqueViolation, membersOfDelegation, requireDelegation, requireEvent } from './store.js';

const tags = ['delegations'];

const CATEGORY_LABELS: Record<Category, LocalizedText> = {
  government: { en: 'Government', ja: '政府' },
  private: { en: 'Private sector', ja: '民間' },
  worker: { en: 'Worker organization', ja: '労働組合' },
  civil_society: { en: 'Civil society', ja: '市民社会' },
  international: { en: 'International organization', ja: '国際機関' },
  academia: { en: 'Academia', ja: '学術' },
  other: { en: 'Other', ja: 'その他' },
};

/** "Japan — Government" / "Japan — 政府": the name a delegation gets when none is given. */
export function defaultDelegationName(side: string, category: Category): LocalizedText {
  const label = CATEGORY_LABELS[category];
  return { en: `${side} — ${label.en}`, ja: `${side} — ${label.ja}` };
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.en === b.en && a.ja === b.ja;

const duplicate = 'The event already has a delegation for this side and category.';

/** The delegation endpoints, declared once for validation and the OpenAPI document. */
export const DelegationRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/events/:eventId/delegations',
    summary: "List an event's delegations",
    description: 'Organizers and members of the event (attendance is shown by delegation).',
    tags,
    access: 'member',
    params: EventParams,
    response: z.array(DelegationSchema),
    errors: { 401: 'Not signed in.', 403: 'Neither organizer nor member.', 404: 'No such event.' },
  }),
  create: defineRoute({
    method: 'post',
    path: '/events/:eventId/delegations',
    summary: 'Add a delegation (a side × category); named "<side> — <Category>" unless named',
    tags,
    access: 'organizer',
    params: EventParams,
    body: CreateDelegationBodySchema,
    response: DelegationSchema,
    status: 201,
    errors: {
      400: 'Invalid fields.',
      401: 'Not signed in.',
      403: 'Not an organizer.',
      404: 'No such event.',
      409: duplicate,
    },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/delegations/:delegationId',
    summary: "Change a delegation; its members' room access is re-checked",
    tags,
    access: 'organizer',
    params: DelegationParams,
    body: UpdateDelegationBodySchema,
    response: DelegationSchema,
    errors: {
      400: 'Invalid fields.',
      401: 'Not signed in.',
      403: 'Not an organizer.',
      404: 'No such delegation.',
      409: duplicate,
    },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/delegations/:delegationId',
    summary: 'Delete a delegation; its members stay in the event without one',
    tags,
    access: 'organizer',
    params: DelegationParams,
    errors: { ...ORGANIZER_ERRORS, 404: 'No such delegation.' },
  }),
} as const;

export function mountDelegationRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  const save = async (write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw HttpError.conflict(duplicate);
      throw err;
    }
  };

  mountRoute(router, DelegationRoutes.list, async ({ req, params }) => {
    await requireEventAction(sessions, req, 'event:view', params.eventId);
    await requireEvent(db, params.eventId);
    const rows = await db
      .selectFrom('delegations')
      .selectAll()
      .where('event_id', '=', params.eventId)
      .orderBy('side')
      .orderBy('category')
      .execute();
    return rows.map(delegationFromRow);
  });

  mountRoute(router, DelegationRoutes.create, async ({ req, params, body }) => {
    await requireEventAction(sessions, req, 'event:manage', params.eventId);
    await requireEvent(db, params.eventId);
    const delegation: Delegation = {
      id: crypto.randomUUID(),
      eventId: params.eventId,
      side: body.side,
      category: body.category,
      name: body.name ?? defaultDelegationName(body.side, body.category),
    };
    await save(() => db.insertInto('delegations').values(delegationToRow(delegation)).execute());
    return delegation;
  });

  mountRoute(router, DelegationRoutes.update, async ({ req, params, body }) => {
    const actor = await sessions.requireActor(req);
    const current = await requireDelegation(db, params.delegationId);
    assertCanInEvent(actor, 'event:manage', current.eventId);
    const side = body.side ?? current.side;
    const category = body.category ?? current.category;
    // A name that was only ever the default follows the side and category it described.
    const wasDefault = sameText(current.name, defaultDelegationName(current.side, current.category));
    const name = body.name ?? (wasDefault ? defaultDelegationName(side, category) : current.name);
    const next: Delegation = { ...current, side, category, name };
    const { id: _id, event_id: _eventId, ...columns } = delegationToRow(next);
    await save(() => db.updateTable('delegations').set(columns).where('id', '=', current.id).execute());
    if (category !== current.category) {
      await context.accessChanges.notify({ personIds: await membersOfDelegation(db, current.id) });
    }
    return next;
  });

  mountRoute(router, DelegationRoutes.remove, async ({ req, params }) => {
    const actor = await sessions.requireActor(req);
    const delegation = await requireDelegation(db, params.delegationId);
    assertCanInEvent(actor, 'event:manage', delegation.eventId);
    const personIds = await membersOfDelegation(db, delegation.id);
    await db.deleteFrom('delegations').where('id', '=', delegation.id).execute();
    await context.accessChanges.notify({ personIds });
  });
}
