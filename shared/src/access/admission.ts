import type { Room } from '../domain/events.js';
import type { LobbyState } from '../socket/lobby.js';
import type { Admission } from './rules.js';

/**
 * A person's admission to a room from the room's lobby state. Moderators are always admitted;
 * someone removed needs admission again even where the room has no lobby; otherwise the lobby
 * decides when the room has one.
 */
export function admissionOf(
  state: LobbyState,
  personId: string,
  room: Pick<Room, 'lobbyEnabled'>,
  moderator: boolean,
): Admission {
  if (moderator) return 'admitted';
  if (state.removed.includes(personId)) return 'removed';
  if (room.lobbyEnabled && !state.admitted.includes(personId)) return 'waiting';
  return 'admitted';
}
