import type { LobbyState } from '@roundtable/shared';

/** Waiting entries kept per room; beyond that, the oldest waiters must ask again. */
export const MAX_WAITING = 5000;

export const initialLobbyState = (): LobbyState => ({ waiting: [], admitted: [], removed: [] });

export type LobbyCommand =
  | { type: 'wait'; personId: string; name: string }
  | { type: 'leave'; personId: string }
  | { type: 'admit'; personIds: readonly string[] }
  | { type: 'admit-all' }
  | { type: 'remove'; personId: string };

/** The people a command lets in (for notifying them), or removes. */
export interface LobbyResult {
  admitted: string[];
  removed: string[];
}

const none: LobbyResult = { admitted: [], removed: [] };

/**
 * The lobby's one pure transition. Returns the same state object when nothing changes, so the
 * store does not bump the version for repeated requests.
 */
export function applyLobbyCommand(
  state: LobbyState,
  command: LobbyCommand,
  now: number,
): { state: LobbyState; result: LobbyResult } {
  switch (command.type) {
    case 'wait': {
      if (state.waiting.some((w) => w.personId === command.personId)) return { state, result: none };
      const waiting = [...state.waiting, { personId: command.personId, name: command.name, since: now }];
      return { state: { ...state, waiting: waiting.slice(-MAX_WAITING) }, result: none };
    }
    case 'leave': {
      if (!state.waiting.some((w) => w.personId === command.personId)) return { state, result: none };
      return {
        state: { ...state, waiting: state.waiting.filter((w) => w.personId !== command.personId) },
        result: none,
      };
    }
    case 'admit':
      return admit(state, command.personIds);
    case 'admit-all':
      return admit(
        state,
        state.waiting.map((w) => w.personId),
      );
    case 'remove': {
      const id = command.personId;
      return {
        state: {
          waiting: state.waiting.filter((w) => w.personId !== id),
          admitted: state.admitted.filter((p) => p !== id),
          removed: state.removed.includes(id) ? state.removed : [...state.removed, id],
        },
        result: { admitted: [], removed: [id] },
      };
    }
  }
}

function admit(state: LobbyState, personIds: readonly string[]): { state: LobbyState; result: LobbyResult } {
  if (personIds.length === 0) return { state, result: none };
  const ids = new Set(personIds);
  const admitted = [...state.admitted, ...[...ids].filter((id) => !state.admitted.includes(id))];
  return {
    state: {
      waiting: state.waiting.filter((w) => !ids.has(w.personId)),
      admitted,
      removed: state.removed.filter((id) => !ids.has(id)),
    },
    result: { admitted: [...ids], removed: [] },
  };
}
