import { useEffect, useSyncExternalStore } from 'react';
import { clockOffset, subscribeClockOffset } from './clock';
import { releaseSocket, retainSocket } from './socket';
import {
  anySubscriptionDegraded,
  connectionStatus,
  subscribeConnectionStatus,
  subscribeDegraded,
  type ConnectionStatus,
} from './status';

/** The realtime connection's status, re-rendering on every change. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(subscribeConnectionStatus, connectionStatus);
}

/** Whether a live subscription of the page is failing and being retried. */
export function useSubscriptionsDegraded(): boolean {
  return useSyncExternalStore(subscribeDegraded, anySubscriptionDegraded);
}

/** Keeps the page's realtime connection open while the calling component is mounted. */
export function useRealtimeConnection(): void {
  useEffect(() => {
    retainSocket();
    return releaseSocket;
  }, []);
}

/** How often running clocks re-render: often enough that every screen turns a second together. */
const TICK_MS = 200;
type Listener = () => void;
const tickListeners = new Set<Listener>();
let tickTimer: ReturnType<typeof setInterval> | undefined;
let tickNow = Date.now();

function subscribeTicks(listener: Listener): () => void {
  tickListeners.add(listener);
  const unsubscribeOffset = subscribeClockOffset(listener);
  if (tickTimer === undefined) {
    tickNow = Date.now();
    tickTimer = setInterval(() => {
      tickNow = Date.now();
      for (const each of tickListeners) each();
    }, TICK_MS);
  }
  return () => {
    unsubscribeOffset();
    tickListeners.delete(listener);
    if (tickListeners.size === 0) {
      clearInterval(tickTimer);
      tickTimer = undefined;
    }
  };
}

function serverTickSnapshot(): number {
  return tickNow + clockOffset();
}

/**
 * Server time (epoch ms) that advances while the component is mounted: countdowns and elapsed
 * times computed from it read the same on every screen, whatever each device's clock says.
 */
export function useServerNow(): number {
  return useSyncExternalStore(subscribeTicks, serverTickSnapshot);
}
