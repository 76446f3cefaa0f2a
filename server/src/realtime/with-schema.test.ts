import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Ack } from '@roundtable/shared';
import { createLogger } from '../logger.js';
import { CommandError, withSchema } from './with-schema.js';

const logger = createLogger('silent');

function call(handler: ReturnType<typeof withSchema>, payload: unknown): Promise<Ack<unknown>> {
  return new Promise((resolve) => handler(payload, resolve));
}

describe('withSchema', () => {
  const schema = z.object({ n: z.number() });

  it('acknowledges the handler result for a valid payload', async () => {
    const handler = withSchema('x:double', schema, ({ n }) => n * 2, logger);
    expect(await call(handler, { n: 21 })).toEqual({ ok: true, data: 42 });
  });

  it('refuses an invalid payload with field details and never calls the handler', async () => {
    let called = false;
    const handler = withSchema(
      'x:double',
      schema,
      () => {
        called = true;
      },
      logger,
    );
    const ack = await call(handler, { n: 'nope' });
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe('validation_failed');
      expect(ack.error.details).toEqual([expect.objectContaining({ path: 'n' })]);
    }
    expect(called).toBe(false);
  });

  it('answers a CommandError with its code and message', async () => {
    const handler = withSchema(
      'x:fail',
      schema,
      () => {
        throw new CommandError('list_closed', 'The list is closed.');
      },
      logger,
    );
    expect(await call(handler, { n: 1 })).toEqual({
      ok: false,
      error: { code: 'list_closed', message: 'The list is closed.' },
    });
  });

  it('hides unexpected errors behind an internal error', async () => {
    const handler = withSchema('x:boom', schema, () => Promise.reject(new Error('db exploded')), logger);
    expect(await call(handler, { n: 1 })).toEqual({
      ok: false,
      error: { code: 'internal_error', message: 'Something went wrong on the server.' },
    });
  });

  it('tolerates a client that sends no acknowledgement callback', () => {
    const handler = withSchema('x:double', schema, ({ n }) => n, logger);
    expect(() => handler({ n: 1 })).not.toThrow();
  });
});
