import crypto from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import { CreateSeriesBodySchema, SeriesSchema, UpdateSeriesBodySchema } from '@roundtable/shared';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { nowIso } from '../store/db.js';
import { ORGANIZER_ERRORS, requireGlobalAction } from './guards.js';
import { SeriesParams } from './params.js';
import { seriesColumns, seriesFromRow, seriesToRow } from './rows.js';
import { findSeries } from './store.js';

const tags = ['series'];

/** The series endpoints, declared once for validation and the OpenAPI document. */
export const SeriesRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/series',
    summary: 'List every series',
    tags,
    access: 'organizer',
    response: z.array(SeriesSchema),
    errors: ORGANIZER_ERRORS,
  }),
  create: defineRoute({
    method: 'post',
    path: '/series',
    summary: 'Create a series',
    tags,
    access: 'organizer',
    body: CreateSeriesBodySchema,
    response: SeriesSchema,
    status: 201,
    errors: { 400: 'Invalid fields.', ...ORGANIZER_ERRORS },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/series/:seriesId',
    summary: 'Change a series',
    tags,
    access: 'organizer',
    params: SeriesParams,
    body: UpdateSeriesBodySchema,
    response: SeriesSchema,
    errors: {
      400: 'Invalid fields.',
      401: 'Not signed in.',
      403: 'Not an organizer.',
      404: 'No such series.',
    },
  }),
} as const;

export function mountSeriesRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;
  const { sessions } = context;

  mountRoute(router, SeriesRoutes.list, async ({ req }) => {
    await requireGlobalAction(sessions, req, 'series:manage');
    const rows = await db.selectFrom('series').selectAll().orderBy('created_at').execute();
    return rows.map(seriesFromRow);
  });

  mountRoute(router, SeriesRoutes.create, async ({ req, body }) => {
    await requireGlobalAction(sessions, req, 'series:manage');
    const series = { id: crypto.randomUUID(), ...body };
    await db
      .insertInto('series')
      .values(
        seriesToRow(
          series,
          nowIso(() => context.clock.now()),
        ),
      )
      .execute();
    return series;
  });

  mountRoute(router, SeriesRoutes.update, async ({ req, params, body }) => {
    await requireGlobalAction(sessions, req, 'series:manage');
    const current = await findSeries(db, params.seriesId);
    if (!current) throw HttpError.notFound('Series');
    const next = { ...current, ...body };
    await db.updateTable('series').set(seriesColumns(next)).where('id', '=', next.id).execute();
    return next;
  });
}
