import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { parseOr400 } from './errors.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call an operation, as documented (the handler still decides through `can.ts`). */
export type RouteAccess = 'public' | 'signed-in' | 'member' | 'organizer';

/** The error statuses an operation documents; each answers `ApiError`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429;

/**
 * One endpoint, declared once: the same object validates requests (`mountRoute`) and describes
 * the operation in the OpenAPI document (`openapi.ts`), so the two cannot drift apart.
 */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** Express-style path below `/api`, e.g. `/events/:eventId`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Response body schema; omitted when the operation answers without a body. */
  readonly response?: z.ZodType;
  /** Defaults to 200 with a response, 204 without. */
  readonly status?: 200 | 201 | 204;
  /** Media type of the response body; JSON unless given. */
  readonly contentType?: string;
  /** Documented refusals: status → when it happens. */
  readonly errors: Readonly<Partial<Record<ErrorStatus, string>>>;
}

/** Declares a route; keeps the literal types so handlers are typed from the schemas. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type Parsed<T, Fallback> = T extends z.ZodType ? z.output<T> : Fallback;

/** What a handler receives: the validated parts of the request, plus the raw request/response. */
export interface RouteInput<S extends RouteSpec> {
  params: Parsed<S['params'], Record<string, never>>;
  query: Parsed<S['query'], Record<string, never>>;
  body: Parsed<S['body'], undefined>;
  req: Request;
  res: Response;
}

/** A handler returns the response body (or nothing for bodiless operations). */
export type RouteHandler<S extends RouteSpec> = (
  input: RouteInput<S>,
) => Promise<S['response'] extends z.ZodType ? z.input<S['response']> : void>;

const documented = new WeakMap<Router, RouteSpec[]>();

/**
 * Records `spec` as an operation of `router` for the OpenAPI document without mounting it; for
 * endpoints that must handle the request themselves (raw bodies, streaming). `mountRoute` calls it.
 */
export function documentRoute(router: Router, spec: RouteSpec): void {
  const specs = documented.get(router) ?? [];
  specs.push(spec);
  documented.set(router, specs);
}

/** The operations documented on `router`, in mounting order. */
export function routesOf(router: Router): readonly RouteSpec[] {
  return documented.get(router) ?? [];
}

/** Converts `/events/:eventId` into the OpenAPI form `/events/{eventId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Mounts `handler` for `spec` on `router` and documents it there. Params, query and body are parsed with the declared
 * schemas first (400 `validation_failed` with field details); errors thrown by the handler reach
 * the app's error handler (Express 5 forwards rejected promises).
 */
export function mountRoute<const S extends RouteSpec>(
  router: Router,
  spec: S,
  handler: RouteHandler<S>,
  ...before: RequestHandler[]
): void {
  const status = spec.status ?? (spec.response ? 200 : 204);
  documentRoute(router, spec);
  router[spec.method](spec.path, ...before, async (req: Request, res: Response) => {
    const input = {
      params: spec.params ? parseOr400(spec.params, req.params) : {},
      query: spec.query ? parseOr400(spec.query, req.query) : {},
      // A bodiless request means "all defaults" for operations whose body fields are optional.
      body: spec.body ? parseOr400(spec.body, (req.body as unknown) ?? {}) : undefined,
      req,
      res,
    } as RouteInput<S>;
    const result: unknown = await handler(input);
    if (!spec.response) {
      res.status(status).end();
    } else if (spec.contentType && spec.contentType !== 'application/json') {
      res.status(status).type(spec.contentType).send(result);
    } else {
      res.status(status).json(result);
    }
  });
}
