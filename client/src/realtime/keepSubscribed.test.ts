import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepSubscribed, SUBSCRIBE_RETRY_INITIAL_MS } from './keepSubscribed';
import { ClientErrorCode, RealtimeError } from './request';
import type { RealtimeSocket } from './socket';
import { anySubscriptionDegraded } from './status';

/** The part of a Socket.IO client keepSubscribed uses: connected, and 'connect' listeners. */
function fakeSocket(): { socket: RealtimeSocket; reconnect: () => void } {
  const listeners = new Set<() => void>();
  const socket = {
    connected: true,
    on: (_event: string, listener: () => void) => listeners.add(listener),
    off: (_event: string, listener: () => void) => listeners.delete(listener),
  };
  return {
    socket: socket as unknown as RealtimeSocket,
    reconnect: () => listeners.forEach((listener) => listener()),
  };
}

describe('keepSubscribed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries a refused subscription with backoff and ends with the current state', async () => {
    const { socket } = fakeSocket();
    const serverState = { version: 1 };
    const subscribe = vi
      .fn<() => Promise<{ version: number }>>()
      .mockRejectedValueOnce(new RealtimeError('unavailable', 'reconnecting to its database'))
      .mockRejectedValueOnce(new RealtimeError('timeout', 'no answer'))
      .mockImplementation(() => Promise.resolve({ ...serverState }));
    const snapshots: Array<{ version: number }> = [];
    const errors: unknown[] = [];
    const subscription = keepSubscribed(
      socket,
      subscribe,
      (value) => snapshots.push(value),
      (err) => errors.push(err),
    );

    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    expect(anySubscriptionDegraded()).toBe(true);
    serverState.version = 7; // the state moves on while the client waits
    await vi.advanceTimersByTimeAsync(SUBSCRIBE_RETRY_INITIAL_MS);
    expect(errors).toHaveLength(2);
    expect(snapshots).toEqual([]);
    // The second delay is longer: nothing happens at the first delay again.
    await vi.advanceTimersByTimeAsync(SUBSCRIBE_RETRY_INITIAL_MS);
    expect(subscribe).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(SUBSCRIBE_RETRY_INITIAL_MS);
    expect(snapshots).toEqual([{ version: 7 }]);
    expect(anySubscriptionDegraded()).toBe(false);
    subscription.stop();
  });

  it('waits for the next connection when offline, and stops retrying once stopped', async () => {
    const { socket, reconnect } = fakeSocket();
    const subscribe = vi
      .fn<() => Promise<{ version: number }>>()
      .mockRejectedValueOnce(new RealtimeError(ClientErrorCode.Offline, 'offline'))
      .mockRejectedValueOnce(new RealtimeError('unavailable', 'down'))
      .mockResolvedValue({ version: 2 });
    const snapshots: Array<{ version: number }> = [];
    const subscription = keepSubscribed(
      socket,
      subscribe,
      (value) => snapshots.push(value),
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(subscribe).toHaveBeenCalledTimes(1);
    reconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(subscribe).toHaveBeenCalledTimes(2);
    subscription.stop();
    expect(anySubscriptionDegraded()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(subscribe).toHaveBeenCalledTimes(2);
    expect(snapshots).toEqual([]);
  });
});
