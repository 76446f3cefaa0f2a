import type { PresenceEntry, RoomPresence } from '@roundtable/shared';

/** A presence change as pushed: an entry's new state, or its departure. */
export type PresenceDelta =
  | { type: 'upsert'; version: number; entry: PresenceEntry }
  | { type: 'left'; version: number; personId: string };

/**
 * The people present in a room, built from the `presence:join` snapshot and the deltas pushed
 * around it. Deltas may arrive before the snapshot and out of order between instances.
 */
export interface PresenceState {
  generation: number;
  /** The snapshot's version; null until the snapshot of this generation arrived. */
  snapshotVersion: number | null;
  entries: ReadonlyMap<string, PresenceEntry>;
  /** The version last applied per person (departures included), so a late delta cannot undo it. */
  applied: ReadonlyMap<string, number>;
  /** Deltas received before the snapshot, applied once it arrives. */
  buffered: readonly PresenceDelta[];
}

export type PresenceAction =
  | { type: 'snapshot'; presence: RoomPresence; generation: number }
  | { type: 'delta'; delta: PresenceDelta; generation: number };

export const initialPresence: PresenceState = {
  generation: -1,
  snapshotVersion: null,
  entries: new Map(),
  applied: new Map(),
  buffered: [],
};

function personOf(delta: PresenceDelta): string {
  return delta.type === 'left' ? delta.personId : delta.entry.personId;
}

function applyDelta(state: PresenceState, delta: PresenceDelta): PresenceState {
  const personId = personOf(delta);
  if (state.snapshotVersion === null) return { ...state, buffered: [...state.buffered, delta] };
  if (delta.version <= state.snapshotVersion || delta.version <= (state.applied.get(personId) ?? -1)) {
    return state;
  }
  const entries = new Map(state.entries);
  if (delta.type === 'left') entries.delete(personId);
  else entries.set(personId, delta.entry);
  return { ...state, entries, applied: new Map(state.applied).set(personId, delta.version) };
}

/** Applies a snapshot or a delta. A newer connection generation starts over from nothing. */
export function reducePresence(state: PresenceState, action: PresenceAction): PresenceState {
  if (action.generation < state.generation) return state;
  const current =
    action.generation > state.generation ? { ...initialPresence, generation: action.generation } : state;
  if (action.type === 'delta') return applyDelta(current, action.delta);
  const fromSnapshot: PresenceState = {
    ...current,
    snapshotVersion: action.presence.version,
    entries: new Map(action.presence.entries.map((entry) => [entry.personId, entry])),
    applied: new Map(),
    buffered: [],
  };
  return current.buffered.reduce(applyDelta, fromSnapshot);
}

/** Present people in the order they arrived. */
export function presentPeople(state: PresenceState): PresenceEntry[] {
  return [...state.entries.values()].sort((a, b) => a.since - b.since);
}
