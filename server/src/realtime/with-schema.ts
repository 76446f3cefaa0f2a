import { ErrorCode, toFieldIssues, type Ack, type ErrorBody } from '@roundtable/shared';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { isDependencyUnavailable, UNAVAILABLE_MESSAGE } from '../observability/unavailable.js';

/** A refusal with a stable code and a human message, answered in the acknowledgement. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

function toErrorBody(err: unknown, logger: Logger, event: string): ErrorBody {
  if (err instanceof CommandError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  if (isDependencyUnavailable(err)) {
    logger.warn({ err, event }, 'socket command refused: a dependency is unreachable');
    return { code: ErrorCode.Unavailable, message: UNAVAILABLE_MESSAGE };
  }
  logger.error({ err, event }, 'socket handler failed');
  return { code: ErrorCode.Internal, message: 'Something went wrong on the server.' };
}

/**
 * The one wrapper every inbound socket event goes through: validates the payload with its zod
 * schema, runs the handler, and acknowledges `{ ok: true, data }` or `{ ok: false, error }`.
 * A missing acknowledgement callback is tolerated (the result is then dropped), a throwing handler
 * never crashes the process.
 */
export function withSchema<S extends z.ZodType, R>(
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<R> | R,
  logger: Logger,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = (result: Ack<R>): void => {
      if (typeof ack === 'function') (ack as (a: Ack<R>) => void)(result);
    };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({
        ok: false,
        error: {
          code: ErrorCode.ValidationFailed,
          message: `Invalid payload for ${event}.`,
          details: toFieldIssues(parsed.error),
        },
      });
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data))
      .then(
        (data) => reply({ ok: true, data }),
        (err: unknown) => reply({ ok: false, error: toErrorBody(err, logger, event) }),
      );
  };
}
