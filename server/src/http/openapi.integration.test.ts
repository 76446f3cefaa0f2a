import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';
import { STORE_KINDS } from '../test/stores.js';

interface Operation {
  operationId: string;
  'x-access': string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function operations(document: OpenApiDocument): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, operation]) => ({ method: method.toUpperCase(), path: p, operation })),
  );
}

describe.each(STORE_KINDS)('OpenAPI document (%s)', (kind) => {
  let testApp: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    testApp = await startTestApp({ store: kind });
    const response = await fetch(`${testApp.url}/api/openapi.json`);
    expect(response.headers.get('content-type')).toContain('application/json');
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => testApp.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('answers every documented error with the shared ApiError schema', () => {
    const errors = operations(document).flatMap(({ operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([, response]) => response.content?.['application/json']?.schema),
    );
    expect(errors.length).toBeGreaterThan(50);
    expect(new Set(errors.map((schema) => JSON.stringify(schema)))).toEqual(
      new Set([JSON.stringify({ $ref: '#/components/schemas/ApiError' })]),
    );
    expect(document.components.schemas).toHaveProperty('ApiError');
  });

  it('lets a nullable reference be null, as an event without series is', () => {
    const detail = document.components.schemas['EventDetail'] as { properties: Record<string, unknown> };
    expect(detail.properties['series']).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Series' }, { type: 'null' }],
    });
    expect(JSON.stringify(document)).not.toContain('"allOf"');
  });

  it('documents the sign-in, setup and invitation endpoints beside the event endpoints', () => {
    const documented = operations(document).map(({ method, path: p }) => `${method} ${p}`);
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'POST /api/auth/ws-token',
        'GET /api/setup',
        'POST /api/setup',
        'POST /api/invitations/redeem',
        'POST /api/organizers',
        'GET /api/events/{eventId}',
        'POST /api/events/{eventId}/registrations',
        'POST /api/registrations/{registrationId}/approve',
      ]),
    );
    const ids = operations(document).map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents only routes the server really serves', async () => {
    for (const { method, path: p } of operations(document)) {
      const url = `${testApp.url}${p.replace(/\{[^}]+\}/g, 'x')}`;
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      const body = await response.text();
      expect(body, `${method} ${p}`).not.toContain('No route for');
    }
  });

  it('has a row in docs/API.md for every operation', () => {
    const apiMd = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/API.md'), 'utf8');
    const missing = operations(document)
      .map(({ method, path: p }) => `${method} ${p}`)
      // Table cells are padded by the formatter: match the cell, not its width.
      .filter((operation) => !new RegExp(`\\|\\s*\`${escapeRegExp(operation)}\`\\s*\\|`).test(apiMd));
    expect(missing, 'add these endpoints to the tables in docs/API.md').toEqual([]);
  });
});
