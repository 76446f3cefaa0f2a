import { bothTexts, type LocalizedText } from '@roundtable/shared';
import { stringify } from 'csv-stringify/sync';
import type { Router } from 'express';
import { z } from 'zod';
import { ORGANIZER_ERRORS, requireEventAction } from '../events/guards.js';
import { EventParams } from '../events/params.js';
import { requireEvent } from '../events/store.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';

const tags = ['exports'];
const errors = { ...ORGANIZER_ERRORS, 404: 'No such event.' } as const;
const description =
  'UTF-8 with a byte order mark, so spreadsheet programs open Japanese names correctly; cells that ' +
  'would run as formulas (`=`, `+`, `-`, `@`) are escaped.';

/** CSV exports of an event for the secretariat, declared once for validation and OpenAPI. */
export const ExportRoutes = {
  registrations: defineRoute({
    method: 'get',
    path: '/events/:eventId/registrations.csv',
    summary: "The event's registrations as CSV (every status)",
    description,
    tags,
    access: 'organizer',
    params: EventParams,
    response: z.string(),
    contentType: 'text/csv',
    errors,
  }),
  members: defineRoute({
    method: 'get',
    path: '/events/:eventId/members.csv',
    summary: "The event's members as CSV, with delegation, place and room roles",
    description,
    tags,
    access: 'organizer',
    params: EventParams,
    response: z.string(),
    contentType: 'text/csv',
    errors,
  }),
} as const;

/** One CSV text: header row first, BOM in front, formulas neutralized. */
export function toCsv(rows: Array<Array<string | number | null>>): string {
  return stringify(rows, { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}

export function mountExportRoutes(router: Router, context: ModuleContext): void {
  const { db } = context.store;

  mountRoute(router, ExportRoutes.registrations, async ({ req, res, params }) => {
    await requireEventAction(context.sessions, req, 'registration:manage', params.eventId);
    const event = await requireEvent(db, params.eventId);
    const placeName = (place: string) => bothOrPlace(event.venues.find((v) => v.id === place)?.name, place);
    const rows = await db
      .selectFrom('registrations')
      .selectAll()
      .where('event_id', '=', event.id)
      .orderBy('created_at')
      .execute();
    res.attachment(`registrations-${event.id}.csv`);
    return toCsv([
      [
        'registered_at',
        'status',
        'name',
        'organization',
        'email',
        'phone',
        'place',
        'language',
        'decided_at',
      ],
      ...rows.map((r) => [
        r.created_at,
        r.status,
        r.name,
        r.organization,
        r.email,
        r.phone,
        placeName(r.place),
        r.language,
        r.decided_at,
      ]),
    ]);
  });

  mountRoute(router, ExportRoutes.members, async ({ req, res, params }) => {
    await requireEventAction(context.sessions, req, 'registration:manage', params.eventId);
    const event = await requireEvent(db, params.eventId);
    const placeName = (place: string | null) =>
      place ? bothOrPlace(event.venues.find((v) => v.id === place)?.name, place) : null;
    const members = await db
      .selectFrom('event_members')
      .innerJoin('people', 'people.id', 'event_members.person_id')
      .leftJoin('delegations', 'delegations.id', 'event_members.delegation_id')
      .select([
        'people.id as personId',
        'people.name',
        'people.organization',
        'people.email',
        'people.phone',
        'event_members.place',
        'delegations.side',
        'delegations.category',
        'delegations.name as delegationName',
        'delegations.name_ja as delegationNameJa',
      ])
      .where('event_members.event_id', '=', event.id)
      .orderBy('people.name')
      .execute();
    const roles = await db
      .selectFrom('room_roles')
      .innerJoin('rooms', 'rooms.id', 'room_roles.room_id')
      .select(['room_roles.person_id', 'rooms.name', 'rooms.name_ja', 'room_roles.role'])
      .where('rooms.event_id', '=', event.id)
      .orderBy('rooms.position')
      .execute();
    const rolesOf = (personId: string) =>
      roles
        .filter((r) => r.person_id === personId)
        .map((r) => `${bothTexts({ en: r.name, ja: r.name_ja })}: ${r.role}`)
        .join('; ');
    res.attachment(`members-${event.id}.csv`);
    return toCsv([
      ['name', 'organization', 'email', 'phone', 'side', 'category', 'delegation', 'place', 'room_roles'],
      ...members.map((m) => [
        m.name,
        m.organization,
        m.email,
        m.phone,
        m.side,
        m.category,
        m.delegationName === null ? null : bothTexts({ en: m.delegationName, ja: m.delegationNameJa ?? '' }),
        placeName(m.place),
        rolesOf(m.personId),
      ]),
    ]);
  });
}

/** A bilingual name as one CSV cell ("Tokyo / 東京"); the raw value when there is no such venue. */
function bothOrPlace(name: LocalizedText | undefined, place: string): string {
  return name ? bothTexts(name) : place;
}
