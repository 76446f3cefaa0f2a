import type { Floor, SpeakingEntry, SpeakingState, SpeechKind } from './state.js';

const KIND_RANK: Record<SpeechKind, number> = { point_of_order: 0, direct_reply: 1, normal: 2 };

/** The index range `[start, end)` the entries of `kind` occupy (kinds are contiguous, by rank). */
export function kindSegment(entries: readonly SpeakingEntry[], kind: SpeechKind): [number, number] {
  const rank = KIND_RANK[kind];
  let start = 0;
  while (start < entries.length && KIND_RANK[entries[start]!.kind] < rank) start++;
  let end = start;
  while (end < entries.length && KIND_RANK[entries[end]!.kind] === rank) end++;
  return [start, end];
}

/** The rotation group of a speaker: their side or category ('' when they have none). */
export function rotationGroup(
  speaker: { side: string | null; category: string | null },
  rotation: 'side' | 'category',
): string {
  return (rotation === 'side' ? speaker.side : speaker.category) ?? '';
}

/** The most recent normal speech (on the floor now, or else the last finished one). */
export function lastNormalSpeaker(
  state: SpeakingState,
): { side: string | null; category: string | null } | null {
  if (state.floor?.kind === 'normal') return state.floor;
  for (let i = state.history.length - 1; i >= 0; i--) {
    const turn = state.history[i]!;
    if (turn.kind === 'normal') return turn;
  }
  return null;
}

/** People who have had or have the floor. */
export function spokenPersonIds(state: SpeakingState): Set<string> {
  const spoken = new Set(state.history.map((t) => t.personId));
  if (state.floor) spoken.add(state.floor.personId);
  return spoken;
}

/**
 * The entry "next" gives the floor to. Points of order, then direct replies, in list order. Among
 * normal entries: with rotation on, those of a different group than the last normal speech (when
 * any wait); then, with first-time speakers first, those who have not spoken (when any wait);
 * then list order.
 */
export function selectNextEntry(state: SpeakingState): SpeakingEntry | null {
  const head = state.entries[0];
  if (!head) return null;
  if (head.kind !== 'normal') return head;
  let pool: readonly SpeakingEntry[] = state.entries;
  const { rotation, firstTimeFirst } = state.settings;
  if (rotation !== 'off') {
    const last = lastNormalSpeaker(state);
    if (last) {
      const lastGroup = rotationGroup(last, rotation);
      const others = pool.filter((e) => rotationGroup(e, rotation) !== lastGroup);
      if (others.length > 0) pool = others;
    }
  }
  if (firstTimeFirst) {
    const spoken = spokenPersonIds(state);
    const fresh = pool.filter((e) => !spoken.has(e.personId));
    if (fresh.length > 0) pool = fresh;
  }
  return pool[0] ?? null;
}

/**
 * The order in which "next" would call everyone waiting, assuming each gets a normal turn in turn.
 * For display: with rotation or first-time speakers on, it differs from the list order.
 */
export function upcomingOrder(state: SpeakingState): SpeakingEntry[] {
  if (state.settings.rotation === 'off' && !state.settings.firstTimeFirst) return [...state.entries];
  const order: SpeakingEntry[] = [];
  let sim: SpeakingState = state;
  for (;;) {
    const next = selectNextEntry(sim);
    if (!next) return order;
    order.push(next);
    sim = {
      ...sim,
      entries: sim.entries.filter((e) => e !== next),
      floor: simulatedFloor(next),
    };
  }
}

function simulatedFloor(entry: SpeakingEntry): Floor {
  return {
    ...entry,
    turnId: '',
    entryId: entry.id,
    since: 0,
    pausedAt: null,
    pausedMs: 0,
    limitSeconds: null,
    extendedSeconds: 0,
    timeUpAt: null,
  };
}

/** Milliseconds the floor has been held, excluding pauses. */
export function floorElapsedMs(floor: Floor, now: number): number {
  return Math.max(0, (floor.pausedAt ?? now) - floor.since - floor.pausedMs);
}

/** The whole limit of the turn in seconds (with extensions), or null when unlimited. */
export function floorLimitSeconds(floor: Floor): number | null {
  return floor.limitSeconds === null ? null : floor.limitSeconds + floor.extendedSeconds;
}

/** When the time is up on the server clock; null when unlimited or paused. */
export function floorDeadline(floor: Floor): number | null {
  const limit = floorLimitSeconds(floor);
  if (limit === null || floor.pausedAt !== null) return null;
  return floor.since + floor.pausedMs + limit * 1000;
}

/** Milliseconds left (negative when over time), or null when unlimited. */
export function floorRemainingMs(floor: Floor, now: number): number | null {
  const limit = floorLimitSeconds(floor);
  return limit === null ? null : limit * 1000 - floorElapsedMs(floor, now);
}
