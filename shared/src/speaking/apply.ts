import { Limits } from '../limits.js';
import {
  MODERATOR_COMMANDS,
  SpeakingErrorCode,
  speakerOf,
  type SpeakingActor,
  type SpeakingCommand,
  type SpeakingEvent,
  type SpeakingResult,
} from './commands.js';
import { endTurn, extendTurn, giveFloor, pauseTurn, refuse, resumeTurn, signalTimeUp } from './floor.js';
import { kindSegment } from './order.js';
import type { Speaker, SpeakingEntry, SpeakingSettings, SpeakingState, SpeechKind } from './state.js';

const notFound = () =>
  refuse(SpeakingErrorCode.EntryNotFound, 'That request to speak is no longer on the list.');

function insertEntry(
  state: SpeakingState,
  speaker: Speaker,
  kind: SpeechKind,
  addedBy: string,
  now: number,
  at: 'end' | 'start',
): SpeakingResult {
  if (state.entries.length >= Limits.maxSpeakingEntries) {
    return refuse(SpeakingErrorCode.ListFull, 'The speakers list is full.');
  }
  if (
    state.settings.onePerPerson &&
    state.entries.some((e) => e.personId === speaker.personId && e.kind === kind)
  ) {
    return refuse(SpeakingErrorCode.AlreadyOnList, `${speaker.name} is already on the list.`);
  }
  const seq = state.seq + 1;
  const entry: SpeakingEntry = { ...speakerOf(speaker), id: `e${seq}`, kind, requestedAt: now, addedBy };
  const [start, end] = kindSegment(state.entries, kind);
  const index = at === 'end' ? end : start;
  const entries = [...state.entries.slice(0, index), entry, ...state.entries.slice(index)];
  return { state: { ...state, entries, seq }, events: [{ type: 'entry-added', entry }] };
}

function removeEntries(
  state: SpeakingState,
  removed: readonly SpeakingEntry[],
  reason: 'lowered' | 'removed' | 'deduplicated',
): { state: SpeakingState; events: SpeakingEvent[] } {
  const ids = new Set(removed.map((e) => e.id));
  return {
    state: { ...state, entries: state.entries.filter((e) => !ids.has(e.id)) },
    events: removed.map((entry) => ({ type: 'entry-removed', entry, reason })),
  };
}

function raiseHand(
  state: SpeakingState,
  actor: SpeakingActor,
  kind: SpeechKind,
  now: number,
): SpeakingResult {
  if (actor.role === 'observer') {
    return refuse(SpeakingErrorCode.ObserverCannotSpeak, 'Observers cannot ask for the floor.');
  }
  // A point of order is procedural: it is heard even when the list is closed.
  if (!state.settings.open && kind !== 'point_of_order') {
    return refuse(SpeakingErrorCode.ListClosed, 'The speakers list is closed.');
  }
  return insertEntry(state, actor, kind, actor.personId, now, 'end');
}

function lowerHand(state: SpeakingState, actor: SpeakingActor, entryId: string | undefined): SpeakingResult {
  if (entryId !== undefined) {
    const entry = state.entries.find((e) => e.id === entryId);
    if (!entry) return notFound();
    if (entry.personId !== actor.personId) {
      return refuse(SpeakingErrorCode.NotYourEntry, 'You can only lower your own hand.');
    }
    return removeEntries(state, [entry], 'lowered');
  }
  const own = state.entries.filter((e) => e.personId === actor.personId);
  if (own.length === 0) return refuse(SpeakingErrorCode.NotOnList, 'You are not on the list.');
  return removeEntries(state, own, 'lowered');
}

/** Moves an entry; the target index is kept inside its kind's block so points of order stay first. */
function moveEntry(state: SpeakingState, entryId: string, toIndex: number): SpeakingResult {
  const from = state.entries.findIndex((e) => e.id === entryId);
  const entry = state.entries[from];
  if (!entry) return notFound();
  const [start, end] = kindSegment(state.entries, entry.kind);
  const to = Math.min(Math.max(toIndex, start), end - 1);
  const rest = state.entries.filter((e) => e.id !== entryId);
  const entries = [...rest.slice(0, to), entry, ...rest.slice(to)];
  return { state: { ...state, entries }, events: [{ type: 'entry-moved', entry, from, to }] };
}

function readdLastSpeaker(state: SpeakingState, actor: SpeakingActor, now: number): SpeakingResult {
  const last = state.history[state.history.length - 1];
  if (!last) return refuse(SpeakingErrorCode.NoPreviousSpeaker, 'Nobody has spoken yet.');
  return insertEntry(state, last, 'normal', actor.personId, now, 'start');
}

function updateSettings(state: SpeakingState, patch: Partial<SpeakingSettings>): SpeakingResult {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const settings: SpeakingSettings = { ...state.settings, ...defined };
  let next: SpeakingState = { ...state, settings };
  const events: SpeakingEvent[] = [];
  if (settings.onePerPerson && !state.settings.onePerPerson) {
    const seen = new Set<string>();
    const duplicates = state.entries.filter((e) => {
      const key = `${e.kind}\u0000${e.personId}`;
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    const removed = removeEntries(next, duplicates, 'deduplicated');
    next = removed.state;
    events.push(...removed.events);
  }
  events.push({ type: 'settings-changed', settings });
  return { state: next, events };
}

function setOpen(state: SpeakingState, open: boolean): SpeakingResult {
  return {
    state: { ...state, settings: { ...state.settings, open } },
    events: [{ type: open ? 'list-opened' : 'list-closed' }],
  };
}

/**
 * The speaking order's one state transition: pure, deterministic for the same inputs (ids come
 * from `state.seq`), so every instance and every replay reaches the same state. `now` is the
 * server clock in milliseconds.
 */
export function applySpeakingCommand(
  state: SpeakingState,
  command: SpeakingCommand,
  actor: SpeakingActor,
  now: number,
): SpeakingResult {
  if (MODERATOR_COMMANDS.has(command.type) && actor.role !== 'moderator') {
    return refuse(SpeakingErrorCode.Forbidden, 'Only co-chairs and organizers moderate the speaking order.');
  }
  if ((command.type === 'time-up') !== (actor.role === 'system')) {
    return refuse(SpeakingErrorCode.Forbidden, 'Only the server signals that time is up.');
  }
  switch (command.type) {
    case 'raise':
      return raiseHand(state, actor, command.kind, now);
    case 'lower':
      return lowerHand(state, actor, command.entryId);
    case 'give':
      return giveFloor(state, command.entryId, now);
    case 'end':
      return endTurn(state, command.turnId, now);
    case 'pause':
      return pauseTurn(state, now);
    case 'resume':
      return resumeTurn(state, now);
    case 'extend':
      return extendTurn(state, command.seconds, now);
    case 'move':
      return moveEntry(state, command.entryId, command.toIndex);
    case 'remove': {
      const entry = state.entries.find((e) => e.id === command.entryId);
      return entry ? removeEntries(state, [entry], 'removed') : notFound();
    }
    case 'add':
      return insertEntry(state, command.speaker, command.kind, actor.personId, now, 'end');
    case 'readd':
      return readdLastSpeaker(state, actor, now);
    case 'open':
    case 'close':
      return setOpen(state, command.type === 'open');
    case 'clear':
      return {
        state: { ...state, entries: [] },
        events: [{ type: 'list-cleared', count: state.entries.length }],
      };
    case 'settings':
      return updateSettings(state, command.settings);
    case 'time-up':
      return signalTimeUp(state, command.turnId, now);
  }
}
