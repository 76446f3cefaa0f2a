import type { TestApp } from '../test/app.js';
import { SESSION_COOKIE } from './sessions.js';

/** A response as the auth tests read it. */
export interface TestResponse {
  status: number;
  body: unknown;
  /** `rt_session=<token>` when the response set the session cookie, else null. */
  sessionCookie: string | null;
  /** The raw Set-Cookie header of the session cookie (flags included), else null. */
  rawSessionCookie: string | null;
  headers: Headers;
}

/** Calls the test app's API like a browser would (JSON, optional session cookie). */
export async function call(
  testApp: TestApp,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string | null } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers['cookie'] = options.cookie;
  const res = await fetch(`${testApp.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const raw = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? null;
  const pair = raw?.split(';')[0] ?? null;
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    sessionCookie: pair && pair !== `${SESSION_COOKIE}=` ? pair : null,
    rawSessionCookie: raw,
    headers: res.headers,
  };
}
