import { isStoreUnavailableError } from '../store/db.js';

/** What a refused command or request says while a dependency is away. */
export const UNAVAILABLE_MESSAGE = 'The server is reconnecting to its database — try again in a moment.';

// node-redis error classes, matched by name so this file does not depend on the client's internals.
const REDIS_UNAVAILABLE = new Set([
  'ClientClosedError',
  'ClientOfflineError',
  'ConnectionTimeoutError',
  'SocketClosedUnexpectedlyError',
  'SocketTimeoutError',
  'ReconnectStrategyError',
  'DisconnectsClientError',
]);

/**
 * True when `err` comes from a dependency being unreachable (store or Redis) rather than from the
 * request: the caller answers `unavailable` (HTTP 503) and the client tries again.
 */
export function isDependencyUnavailable(err: unknown): boolean {
  if (isStoreUnavailableError(err)) return true;
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (REDIS_UNAVAILABLE.has(e.name) || REDIS_UNAVAILABLE.has(e.constructor.name)) return true;
    // Redis answers LOADING while it reads its data back after a restart.
    if (e.message.startsWith('LOADING ')) return true;
    e = e.cause;
  }
  return false;
}
