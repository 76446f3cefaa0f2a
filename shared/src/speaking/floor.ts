import {
  SpeakingErrorCode,
  speakerOf,
  type SpeakingEvent,
  type SpeakingRefusal,
  type SpeakingResult,
} from './commands.js';
import { floorDeadline, floorElapsedMs, selectNextEntry } from './order.js';
import type { Floor, SpeakingState, TurnEndReason } from './state.js';

/** Builds a refusal result. */
export function refuse(code: SpeakingRefusal['code'], message: string): { error: SpeakingRefusal } {
  return { error: { code, message } };
}

const noFloor = () => refuse(SpeakingErrorCode.NoFloor, 'Nobody has the floor.');

function closeTurn(
  state: SpeakingState,
  floor: Floor,
  now: number,
  reason: TurnEndReason,
): { state: SpeakingState; events: SpeakingEvent[] } {
  const turn = {
    ...speakerOf(floor),
    id: floor.turnId,
    kind: floor.kind,
    start: floor.since,
    end: Math.max(now, floor.since),
    durationMs: floorElapsedMs(floor, now),
    reason,
  };
  return {
    state: { ...state, floor: null, history: [...state.history, turn] },
    events: [{ type: 'turn-ended', turn }],
  };
}

/** Gives the floor to the chosen entry, or to the one "next" selects; ends the running turn first. */
export function giveFloor(state: SpeakingState, entryId: string | undefined, now: number): SpeakingResult {
  const entry = entryId === undefined ? selectNextEntry(state) : state.entries.find((e) => e.id === entryId);
  if (!entry) {
    return entryId === undefined
      ? refuse(SpeakingErrorCode.ListEmpty, 'Nobody is waiting to speak.')
      : refuse(SpeakingErrorCode.EntryNotFound, 'That request to speak is no longer on the list.');
  }
  const previous = state.floor;
  const events: SpeakingEvent[] = [{ type: 'entry-removed', entry, reason: 'given' }];
  let next: SpeakingState = { ...state, entries: state.entries.filter((e) => e.id !== entry.id) };
  if (previous) {
    const closed = closeTurn(next, previous, now, 'next');
    next = closed.state;
    events.push(...closed.events);
  }
  const seq = next.seq + 1;
  const floor: Floor = {
    ...speakerOf(entry),
    turnId: `t${seq}`,
    entryId: entry.id,
    kind: entry.kind,
    since: now,
    pausedAt: null,
    pausedMs: 0,
    limitSeconds: state.settings.defaultLimitSeconds > 0 ? state.settings.defaultLimitSeconds : null,
    extendedSeconds: 0,
    timeUpAt: null,
  };
  events.push({
    type: 'floor-changed',
    turnId: floor.turnId,
    personId: floor.personId,
    previousTurnId: previous?.turnId ?? null,
    previousPersonId: previous?.personId ?? null,
  });
  return { state: { ...next, floor, seq }, events };
}

function endAndSignal(state: SpeakingState, floor: Floor, now: number, reason: TurnEndReason) {
  const closed = closeTurn(state, floor, now, reason);
  closed.events.push({
    type: 'floor-changed',
    turnId: null,
    personId: null,
    previousTurnId: floor.turnId,
    previousPersonId: floor.personId,
  });
  return closed;
}

/** Ends the running turn; with `turnId`, only that turn (so a stale request cannot end the next). */
export function endTurn(state: SpeakingState, turnId: string | undefined, now: number): SpeakingResult {
  const floor = state.floor;
  if (!floor) return noFloor();
  if (turnId !== undefined && turnId !== floor.turnId) {
    return refuse(SpeakingErrorCode.TurnMismatch, 'That turn has already ended.');
  }
  return endAndSignal(state, floor, now, 'ended');
}

export function pauseTurn(state: SpeakingState, now: number): SpeakingResult {
  const floor = state.floor;
  if (!floor) return noFloor();
  if (floor.pausedAt !== null) return refuse(SpeakingErrorCode.AlreadyPaused, 'The timer is already paused.');
  return {
    state: { ...state, floor: { ...floor, pausedAt: now } },
    events: [{ type: 'paused', turnId: floor.turnId }],
  };
}

export function resumeTurn(state: SpeakingState, now: number): SpeakingResult {
  const floor = state.floor;
  if (!floor) return noFloor();
  if (floor.pausedAt === null) return refuse(SpeakingErrorCode.NotPaused, 'The timer is not paused.');
  // Instances' clocks differ slightly: a pause never counts negative.
  const pausedMs = floor.pausedMs + Math.max(0, now - floor.pausedAt);
  return {
    state: { ...state, floor: { ...floor, pausedAt: null, pausedMs } },
    events: [{ type: 'resumed', turnId: floor.turnId }],
  };
}

/** Adds time; an unlimited turn gets a limit of the time spoken so far plus `seconds`. */
export function extendTurn(state: SpeakingState, seconds: number, now: number): SpeakingResult {
  const floor = state.floor;
  if (!floor) return noFloor();
  const limitSeconds = floor.limitSeconds ?? Math.floor(floorElapsedMs(floor, now) / 1000);
  return {
    state: {
      ...state,
      floor: { ...floor, limitSeconds, extendedSeconds: floor.extendedSeconds + seconds, timeUpAt: null },
    },
    events: [{ type: 'extended', turnId: floor.turnId, seconds }],
  };
}

/**
 * Marks the time up, once per deadline, and ends the turn when auto-end is on. Every instance's
 * timer may send it; the state refuses all but the first, so the signal fires exactly once.
 */
export function signalTimeUp(state: SpeakingState, turnId: string, now: number): SpeakingResult {
  const floor = state.floor;
  if (!floor) return noFloor();
  if (floor.turnId !== turnId) return refuse(SpeakingErrorCode.TurnMismatch, 'That turn has already ended.');
  if (floor.timeUpAt !== null) {
    return refuse(SpeakingErrorCode.AlreadySignalled, 'Time-up was already signalled for this turn.');
  }
  const deadline = floorDeadline(floor);
  if (deadline === null || now < deadline)
    return refuse(SpeakingErrorCode.TimeNotUp, 'The time is not up yet.');
  const markedFloor: Floor = { ...floor, timeUpAt: now };
  const marked: SpeakingState = { ...state, floor: markedFloor };
  const events: SpeakingEvent[] = [{ type: 'time-up', turnId, personId: floor.personId }];
  if (!state.settings.autoEnd) return { state: marked, events };
  const ended = endAndSignal(marked, markedFloor, now, 'time_up');
  return { state: ended.state, events: [...events, ...ended.events] };
}
