import express from 'express';
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  zodToOpenAPIRegistry,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as wire from '@roundtable/shared';
import type { AppModule, ModuleContext } from '../module.js';
import { defineRoute, mountRoute, openApiPath, routesOf, type RouteAccess, type RouteSpec } from './route.js';

/** The document itself, so it documents its own address. */
export const OpenApiRoute = defineRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This OpenAPI 3.1 document',
  tags: ['meta'],
  access: 'public',
  response: z.record(z.string(), z.unknown()),
  errors: {},
});

/**
 * Shared schemas that become named components (`#/components/schemas/<name>`) wherever they
 * appear, nested ones included. They are named in the generator's registry rather than with
 * `.openapi(name)`, which returns a copy and so would leave nested uses of the original inline.
 */
const NAMED_SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['ApiError', wire.ApiErrorSchema],
  ['Category', wire.CategorySchema],
  ['RoomRole', wire.RoomRoleSchema],
  ['Person', wire.PersonSchema],
  ['Delegation', wire.DelegationSchema],
  ['EventMember', wire.EventMemberSchema],
  ['RoomRoleAssignment', wire.RoomRoleAssignmentSchema],
  ['Series', wire.SeriesSchema],
  ['Venue', wire.VenueSchema],
  ['Session', wire.SessionSchema],
  ['Event', wire.EventSchema],
  ['PublicEvent', wire.PublicEventSchema],
  ['EventDetail', wire.EventDetailSchema],
  ['AccessRule', wire.AccessRuleSchema],
  ['Room', wire.RoomSchema],
  ['RoomView', wire.RoomViewSchema],
  ['MemberView', wire.MemberViewSchema],
  ['Registration', wire.RegistrationSchema],
  ['RegistrationReceipt', wire.RegistrationReceiptSchema],
  ['Invitation', wire.InvitationSchema],
  ['IssuedInvitation', wire.IssuedInvitationSchema],
  ['ApproveRegistrationResult', wire.ApproveRegistrationResultSchema],
  ['Me', wire.MeSchema],
  ['WsToken', wire.WsTokenSchema],
  ['SetupStatus', wire.SetupStatusSchema],
  ['LoginBody', wire.LoginBodySchema],
  ['SetupBody', wire.SetupBodySchema],
  ['RedeemInvitationBody', wire.RedeemInvitationBodySchema],
  ['CreateOrganizerBody', wire.CreateOrganizerBodySchema],
  ['CreateSeriesBody', wire.CreateSeriesBodySchema],
  ['UpdateSeriesBody', wire.UpdateSeriesBodySchema],
  ['CreateEventBody', wire.CreateEventBodySchema],
  ['UpdateEventBody', wire.UpdateEventBodySchema],
  ['CreateRoomBody', wire.CreateRoomBodySchema],
  ['UpdateRoomBody', wire.UpdateRoomBodySchema],
  ['CreateDelegationBody', wire.CreateDelegationBodySchema],
  ['UpdateDelegationBody', wire.UpdateDelegationBodySchema],
  ['UpsertMemberBody', wire.UpsertMemberBodySchema],
  ['SetRoomRoleBody', wire.SetRoomRoleBodySchema],
  ['CreatePersonBody', wire.CreatePersonBodySchema],
  ['RegisterBody', wire.RegisterBodySchema],
  ['ApproveRegistrationBody', wire.ApproveRegistrationBodySchema],
  ['IssueInvitationBody', wire.IssueInvitationBodySchema],
  ['OutboxMessage', wire.OutboxMessageSchema],
  ['OutboxList', wire.OutboxListSchema],
  ['RegistrationStatusView', wire.RegistrationStatusViewSchema],
  ['CorrectRegistrationBody', wire.CorrectRegistrationBodySchema],
];

const ACCESS_TEXT: Record<RouteAccess, string> = {
  public: 'Anyone, signed in or not.',
  'signed-in': 'Anyone signed in.',
  member: 'Organizers and members of the event.',
  organizer: 'Organizers.',
};

function nameSchemas(): void {
  for (const [id, schema] of NAMED_SCHEMAS) {
    // The registry is process-wide: several apps share one process in tests.
    if (!zodToOpenAPIRegistry.has(schema)) zodToOpenAPIRegistry.add(schema, { _internal: { refId: id } });
  }
}

/** `post /events/:eventId/rooms` → `postEventsEventIdRooms` */
function operationId(spec: RouteSpec): string {
  const words = spec.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return spec.method + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

function toRouteConfig(spec: RouteSpec): RouteConfig {
  const responses: RouteConfig['responses'] = {};
  const status = spec.status ?? (spec.response ? 200 : 204);
  responses[status] = spec.response
    ? {
        description: 'Success.',
        content: { [spec.contentType ?? 'application/json']: { schema: spec.response } },
      }
    : { description: 'Success, no content.' };
  const errors: Partial<Record<string, string>> = { ...spec.errors };
  // Every JSON body passes the same size limit before any route sees it.
  if (spec.body) errors['413'] ??= `\`payload_too_large\`: body over ${wire.Limits.maxJsonBodyBytes} bytes.`;
  for (const [code, description] of Object.entries(errors)) {
    if (description === undefined) continue;
    responses[code] = { description, content: { 'application/json': { schema: wire.ApiErrorSchema } } };
  }
  return {
    method: spec.method,
    path: `/api${openApiPath(spec.path)}`,
    operationId: operationId(spec),
    summary: spec.summary,
    description: [spec.description, `**Who may call:** ${ACCESS_TEXT[spec.access]}`]
      .filter(Boolean)
      .join('\n\n'),
    tags: [...spec.tags],
    'x-access': spec.access,
    ...(spec.access === 'public' ? {} : { security: [{ session: [] }] }),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body
        ? {
            body: {
              // Bodies whose every field has a default may be left out.
              required: !spec.body.safeParse({}).success,
              content: { 'application/json': { schema: spec.body } },
            },
          }
        : {}),
    },
    responses,
  };
}

/**
 * The generator writes a nullable reference as `allOf: [{ $ref }, { type: [t, "null"] }]`, which no
 * null value satisfies (the referenced schema is not nullable). Rewrites it in place as
 * `anyOf: [{ $ref }, { type: "null" }]`, what JSON Schema 2020-12 means by "this or null".
 */
export function fixNullableRefs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) fixNullableRefs(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const allOf = record['allOf'];
  if (Array.isArray(allOf) && allOf.length === 2) {
    const [ref, nullable] = allOf as [unknown, unknown];
    const type = (nullable as { type?: unknown } | null)?.type;
    const onlyType = typeof nullable === 'object' && nullable !== null && Object.keys(nullable).length === 1;
    if (
      onlyType &&
      Array.isArray(type) &&
      type.includes('null') &&
      (ref as { $ref?: unknown } | null)?.$ref
    ) {
      delete record['allOf'];
      record['anyOf'] = [ref, { type: 'null' }];
    }
  }
  for (const value of Object.values(record)) fixNullableRefs(value);
}

/** Builds the OpenAPI 3.1 document of `routes`. */
export function buildOpenApiDocument(
  routes: readonly RouteSpec[],
): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  nameSchemas();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'rt_session',
    description: 'Session cookie set by `POST /api/auth/login`, `/api/setup` or `/api/invitations/redeem`.',
  });
  for (const spec of routes) registry.registerPath(toRouteConfig(spec));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Roundtable API',
      version: `${wire.PROTOCOL_VERSION}`,
      description:
        'REST API of Roundtable. Errors answer `{ "error": { code, message, details? } }`. ' +
        'State-changing requests from browsers must carry our Origin. See docs/API.md.',
    },
  });
  fixNullableRefs(document);
  return document;
}

/** Every operation the modules mounted with `mountRoute` (or `documentRoute`), in module order. */
export function mountedRoutes(modules: Iterable<AppModule>): RouteSpec[] {
  return [...modules].flatMap((module) => (module.router ? [...routesOf(module.router)] : []));
}

/**
 * Serves the document at `GET /api/openapi.json`. It is built on first request, when every module
 * exists, from the routes they mounted: an endpoint is documented because it is served.
 */
export function createOpenApiModule(context: ModuleContext): AppModule {
  const router = express.Router();
  let document: Record<string, unknown> | null = null;
  mountRoute(router, OpenApiRoute, () => {
    document ??= { ...buildOpenApiDocument(mountedRoutes(context.modules.values())) };
    return Promise.resolve(document);
  });
  return { name: 'openapi', router };
}
