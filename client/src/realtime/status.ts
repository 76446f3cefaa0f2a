/**
 * Where the realtime connection stands. `reconnecting` covers every loss after the first success;
 * `signed_out` and `outdated` need the person to act (sign in again, reload a newer client).
 */
export type ConnectionStatusName =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'signed_out' | 'outdated';

export interface ConnectionStatus {
  status: ConnectionStatusName;
  /** Whether this page has been connected once: "connecting" first, "reconnecting" afterwards. */
  everConnected: boolean;
}

type Listener = () => void;

let current: ConnectionStatus = { status: 'idle', everConnected: false };
const listeners = new Set<Listener>();

/** The current status; the same object until it changes (a `useSyncExternalStore` snapshot). */
export function connectionStatus(): ConnectionStatus {
  return current;
}

export function setConnectionStatus(status: ConnectionStatusName): void {
  const everConnected = current.everConnected || status === 'connected';
  if (status === current.status && everConnected === current.everConnected) return;
  current = { status, everConnected };
  for (const listener of listeners) listener();
}

export function subscribeConnectionStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/*
 * Subscriptions that failed and are being retried (keepSubscribed): while any is, part of the page
 * shows an old state, and the connection banner says so even though the socket is connected.
 */
let degraded = 0;
const degradedListeners = new Set<Listener>();

/** Marks one subscription as failing (`true`) or recovered (`false`); calls must pair up. */
export function setSubscriptionDegraded(failing: boolean): void {
  degraded = Math.max(0, degraded + (failing ? 1 : -1));
  for (const listener of degradedListeners) listener();
}

/** Whether any subscription is failing right now. */
export function anySubscriptionDegraded(): boolean {
  return degraded > 0;
}

export function subscribeDegraded(listener: Listener): () => void {
  degradedListeners.add(listener);
  return () => degradedListeners.delete(listener);
}
