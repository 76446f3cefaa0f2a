import { ServerError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { backoffMs, callWithRetry, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => Promise.resolve(void waits.push(ms)) };
}

const unavailable = () => new ServerError('Service Unavailable', 'try later', 503, 'unavailable');

describe('callWithRetry', () => {
  it('retries a failing call with doubling, capped waits and returns the eventual success', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const outcome = await callWithRetry(
      () => (++calls < 4 ? Promise.reject(unavailable()) : Promise.resolve('done')),
      policy,
      undefined,
      sleep,
    );
    expect(outcome).toEqual({ ok: true, value: 'done', attempts: 4 });
    expect(waits).toEqual([100, 200, 300]);
  });

  it('gives up after the last attempt and reports the failure', async () => {
    const { waits, sleep } = recordingSleep();
    const outcome = await callWithRetry(() => Promise.reject(unavailable()), policy, undefined, sleep);
    expect(outcome).toEqual({
      ok: false,
      attempts: 4,
      failure: { code: 'unavailable', message: 'try later', retryable: true },
    });
    expect(waits).toHaveLength(3);
  });

  it('does not retry a participant who is not in the LiveKit room', async () => {
    const { waits, sleep } = recordingSleep();
    const outcome = await callWithRetry(
      () => Promise.reject(new ServerError('Not Found', 'participant not found', 404, 'not_found')),
      policy,
      undefined,
      sleep,
    );
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { code: 'not_found', retryable: false },
    });
    expect(waits).toEqual([]);
  });

  it('treats a network error as retryable', async () => {
    const { sleep } = recordingSleep();
    const outcome = await callWithRetry(
      () => Promise.reject(new TypeError('fetch failed')),
      policy,
      undefined,
      sleep,
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 4, failure: { code: 'network' } });
  });

  it('stops retrying once shutdown aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const outcome = await callWithRetry(
      () => {
        calls += 1;
        controller.abort();
        return Promise.reject(unavailable());
      },
      policy,
      controller.signal,
    );
    expect(outcome.ok).toBe(false);
    expect(calls).toBe(1);
  });

  it('computes waits that double from the base and never exceed the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n))).toEqual([100, 200, 300, 300, 300]);
  });
});
