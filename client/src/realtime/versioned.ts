/**
 * A server-owned state held by the client: the newest version wins, except that the first snapshot
 * after a reconnect replaces whatever was held (the server may have moved on, or restarted).
 */
export interface Versioned<T extends { version: number }> {
  value: T | null;
  /** The connection generation `value` came from; a newer generation makes it stale. */
  generation: number;
}

export type VersionedAction<T extends { version: number }> =
  | { type: 'snapshot'; value: T; generation: number }
  | { type: 'push'; value: T; generation: number }
  | { type: 'clear' };

export function initialVersioned<T extends { version: number }>(): Versioned<T> {
  return { value: null, generation: -1 };
}

/**
 * Applies a subscription snapshot or a push. Pushes may overtake the snapshot and arrive out of
 * order between server instances, so within one generation an older version never replaces a newer.
 */
export function reduceVersioned<T extends { version: number }>(
  held: Versioned<T>,
  action: VersionedAction<T>,
): Versioned<T> {
  if (action.type === 'clear') return initialVersioned<T>();
  const stale = held.value === null || action.generation > held.generation;
  if (action.type === 'snapshot' && stale) return { value: action.value, generation: action.generation };
  if (action.generation < held.generation) return held;
  if (held.value !== null && action.value.version <= held.value.version) return held;
  return { value: action.value, generation: action.generation };
}
