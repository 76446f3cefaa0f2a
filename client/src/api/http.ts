import { ApiErrorSchema, ErrorCode, FieldIssueSchema, type FieldIssue } from '@roundtable/shared';
import { z } from 'zod';

/** A failed API call: the server's `{ error: { code, message, details? } }` plus the HTTP status. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** The per-field problems of a 400, or none when the server sent no field list. */
  get fieldIssues(): FieldIssue[] {
    const parsed = z.array(FieldIssueSchema).safeParse(this.details);
    return parsed.success ? parsed.data : [];
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<T> {
  body?: unknown;
  /** Validates the response body; without one the body is ignored (204s, fire-and-forget). */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

/**
 * Calls the API on our own origin with the session cookie. Every non-2xx answer and every network
 * failure becomes an `ApiRequestError`, so screens have one error type to show.
 */
export async function apiRequest<T = void>(
  method: Method,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, ErrorCode.Unavailable, 'The server could not be reached.');
  }
  const payload = await readJson(response);
  if (!response.ok) throw toRequestError(response.status, payload);
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    // A contract mismatch between client and server builds: say so rather than render garbage.
    throw new ApiRequestError(
      response.status,
      'invalid_response',
      `Unexpected response from ${method} ${path}.`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** `GET` with a response schema: the common case. */
export function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return apiRequest('GET', path, { schema, signal });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toRequestError(status: number, payload: unknown): ApiRequestError {
  const parsed = ApiErrorSchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiRequestError(status, code, message, details);
  }
  return new ApiRequestError(status, fallbackCode(status), `Request failed with status ${status}.`);
}

function fallbackCode(status: number): string {
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status >= 500) return ErrorCode.Internal;
  return ErrorCode.BadRequest;
}

/** Builds a path with each dynamic segment encoded: `apiPath('events', id, 'rooms')`. */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map(encodeURIComponent).join('/')}`;
}
