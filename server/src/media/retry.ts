import { setTimeout as delay } from 'node:timers/promises';
import { classifyLiveKitError, type LiveKitFailure } from './livekit.js';

/** How hard to try one LiveKit call. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 1.75 s of waiting in all: long enough for a LiveKit restart blip, short enough to report. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 2000 };

export type CallOutcome<T> =
  { ok: true; value: T; attempts: number } | { ok: false; failure: LiveKitFailure; attempts: number };

/** Waits `ms`, or less when `signal` aborts (shutdown must not wait for backoffs). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  delay(ms, undefined, signal ? { signal } : undefined).catch(() => undefined);

/** The wait before attempt `attempt + 1` (attempt counts from 1): doubling, capped. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Runs `call` until it succeeds, fails in a way retrying cannot fix (a 4xx such as `not_found` or
 * `permission_denied`), the attempts run out, or `signal` aborts. Never throws: the caller decides
 * how to report the failure, so nothing is dropped silently.
 */
export async function callWithRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  signal?: AbortSignal,
  sleep: Sleep = realSleep,
): Promise<CallOutcome<T>> {
  let attempt = 0;
  for (;;) {
    attempt += 1;
    try {
      return { ok: true, value: await call(), attempts: attempt };
    } catch (err) {
      const failure = classifyLiveKitError(err);
      if (!failure.retryable || attempt >= policy.attempts || signal?.aborted) {
        return { ok: false, failure, attempts: attempt };
      }
      await sleep(backoffMs(policy, attempt), signal);
      if (signal?.aborted) return { ok: false, failure, attempts: attempt };
    }
  }
}
