import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, toFieldIssues, type ApiError } from '@roundtable/shared';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { isDependencyUnavailable, UNAVAILABLE_MESSAGE } from '../observability/unavailable.js';

/** An error with an HTTP status and a stable code; thrown by handlers, shaped by `errorHandler`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static badRequest(message: string, details?: unknown): HttpError {
    return new HttpError(400, ErrorCode.BadRequest, message, details);
  }
  static unauthenticated(message = 'Sign in first.'): HttpError {
    return new HttpError(401, ErrorCode.Unauthenticated, message);
  }
  static forbidden(message = 'You are not allowed to do this.'): HttpError {
    return new HttpError(403, ErrorCode.Forbidden, message);
  }
  static notFound(what = 'Resource'): HttpError {
    return new HttpError(404, ErrorCode.NotFound, `${what} not found.`);
  }
  static conflict(message: string, code: string = ErrorCode.Conflict): HttpError {
    return new HttpError(409, code, message);
  }
}

/** Serializes an error body the way every endpoint answers. */
export function errorBody(code: string, message: string, details?: unknown): ApiError {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Parses `value` with `schema` or throws a 400 listing each bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(
      400,
      ErrorCode.ValidationFailed,
      'The request has invalid fields.',
      toFieldIssues(parsed.error),
    );
  }
  return parsed.data;
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(ErrorCode.NotFound, `No route for ${req.method} ${req.path}.`));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** The last middleware: every error becomes `{ error: { code, message, details? } }`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof HttpError) {
      res.status(err.status).json(errorBody(err.code, err.message, err.details));
      return;
    }
    const parserError = err as BodyParserError;
    if (parserError.type === 'entity.too.large') {
      res.status(413).json(errorBody(ErrorCode.PayloadTooLarge, 'The request body is too large.'));
      return;
    }
    if (parserError.type === 'entity.parse.failed') {
      res.status(400).json(errorBody(ErrorCode.BadRequest, 'The request body is not valid JSON.'));
      return;
    }
    if (parserError.status && parserError.status >= 400 && parserError.status < 500) {
      res.status(parserError.status).json(errorBody(ErrorCode.BadRequest, 'Bad request.'));
      return;
    }
    if (isDependencyUnavailable(err)) {
      logger.warn(
        { err, method: req.method, path: req.path },
        'request refused: a dependency is unreachable',
      );
      res.status(503).set('Retry-After', '2').json(errorBody(ErrorCode.Unavailable, UNAVAILABLE_MESSAGE));
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'unhandled request error');
    res.status(500).json(errorBody(ErrorCode.Internal, 'Something went wrong on the server.'));
  };
}
