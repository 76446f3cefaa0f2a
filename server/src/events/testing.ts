import type { Event, Loosely, Person } from '@roundtable/shared';
import { startTestApp, type TestApp, type TestAppOptions } from '../test/app.js';
import { buildEvent, buildMember, buildOrganizer, buildPerson, sessionCookieFor } from '../test/factories.js';
import type { StoreKind } from '../test/stores.js';

/* Test-only helpers for calling the REST API over real HTTP. */

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: unknown;
}

export interface CallOptions {
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Parsed JSON of a response, typed by the caller (tests assert the shape). */
export function json<T>(response: ApiResponse): T {
  return response.body as T;
}

/** A tiny fetch wrapper bound to a test app's base URL. */
export function apiClient(baseUrl: string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers['cookie'] = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
    return {
      status: response.status,
      headers: response.headers,
      body: isJson && text ? JSON.parse(text) : text,
    };
  };
}

export type ApiCall = ReturnType<typeof apiClient>;

/** A running app with the cast most API tests need: an organizer, an event, a member, an outsider. */
export interface PeopleFixture {
  testApp: TestApp;
  call: ApiCall;
  event: Event;
  /** `Cookie` header values of each signed-in person. */
  organizer: string;
  member: string;
  outsider: string;
  memberPerson: Person;
}

/** Starts an app on `kind` and builds the cast of `PeopleFixture` in its store. */
export async function startWithPeople(
  kind: StoreKind,
  options: { event?: Partial<Loosely<Event>>; config?: TestAppOptions['config'] } = {},
): Promise<PeopleFixture> {
  const testApp = await startTestApp({ store: kind, ...(options.config ? { config: options.config } : {}) });
  const { db } = testApp.store;
  const event = await buildEvent(db, options.event);
  const memberPerson = await buildPerson(db);
  await buildMember(db, event.id, memberPerson.id);
  return {
    testApp,
    call: apiClient(testApp.url),
    event,
    organizer: await sessionCookieFor(db, (await buildOrganizer(db)).id),
    member: await sessionCookieFor(db, memberPerson.id),
    outsider: await sessionCookieFor(db, (await buildPerson(db)).id),
    memberPerson,
  };
}
