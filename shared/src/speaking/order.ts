import { GroupTree } from './group-tree.js';
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
  return simulateUpcoming(state);
}

/**
 * `upcomingOrder` with rotation or first-time speakers on, in O(n log n): the same choices as
 * calling `selectNextEntry` again and again on a state without the chosen entry and with it on
 * the floor (the quadratic definition, kept in the tests as the model), made with two trees of
 * the remaining entries: all of them, and those of people who have not spoken before.
 */
function simulateUpcoming(state: SpeakingState): SpeakingEntry[] {
  const { entries, history, settings } = state;
  const rotation = settings.rotation;
  const groupIds = new Map<string, number>();
  const groupOf = (speaker: { side: string | null; category: string | null }): number => {
    if (rotation === 'off') return 0;
    const key = rotationGroup(speaker, rotation);
    let id = groupIds.get(key);
    if (id === undefined) groupIds.set(key, (id = groupIds.size));
    return id;
  };
  const spokenBefore = new Set(history.map((t) => t.personId));
  let lastHistoryNormal: { side: string | null; category: string | null } | null = null;
  for (let i = history.length - 1; i >= 0 && !lastHistoryNormal; i--) {
    if (history[i]!.kind === 'normal') lastHistoryNormal = history[i]!;
  }
  const all = new GroupTree(entries.length);
  const fresh = new GroupTree(entries.length);
  const entriesOf = new Map<string, number[]>();
  const groups = entries.map((entry, i) => {
    const g = groupOf(entry);
    all.set(i, g);
    if (!spokenBefore.has(entry.personId)) fresh.set(i, g);
    entriesOf.set(entry.personId, [...(entriesOf.get(entry.personId) ?? []), i]);
    return g;
  });
  const taken = new Uint8Array(entries.length);

  // What `selectNextEntry` reads from the simulated floor: who holds it and what kind of turn.
  let floor: SpeakingEntry | SpeakingState['floor'] = state.floor;
  const order: SpeakingEntry[] = [];
  for (;;) {
    const headIndex = all.firstOutside(-1);
    if (headIndex < 0) return order;
    let chosen = headIndex;
    if (entries[headIndex]!.kind === 'normal') {
      let excluded = -1;
      if (rotation !== 'off') {
        const last = floor?.kind === 'normal' ? floor : lastHistoryNormal;
        const lastGroup = last ? groupIds.get(rotationGroup(last, rotation)) : undefined;
        // "Others" only when some remain; otherwise the whole list is the pool.
        if (lastGroup !== undefined && all.firstOutside(lastGroup) >= 0) excluded = lastGroup;
      }
      chosen = all.firstOutside(excluded);
      if (settings.firstTimeFirst) {
        const firstFresh = freshOutside(excluded, floor?.personId ?? null);
        if (firstFresh >= 0) chosen = firstFresh;
      }
    }
    const entry = entries[chosen]!;
    taken[chosen] = 1;
    all.set(chosen, -1);
    fresh.set(chosen, -1);
    order.push(entry);
    floor = entry;
  }

  /** The first fresh entry outside `excluded`, not counting the person on the floor (they spoke). */
  function freshOutside(excluded: number, onFloor: string | null): number {
    const hidden = onFloor === null ? [] : (entriesOf.get(onFloor) ?? []).filter((i) => !taken[i]);
    for (const i of hidden) fresh.set(i, -1);
    const found = fresh.firstOutside(excluded);
    if (onFloor !== null && !spokenBefore.has(onFloor)) for (const i of hidden) fresh.set(i, groups[i]!);
    return found;
  }
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
