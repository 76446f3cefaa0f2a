import type { RoomView } from '../api/events.js';
import { roleMayInRoom, type EffectiveRole, type RoomRules } from './rules.js';

/** What the viewer may do in a room they were admitted to, as the rule book decides it. */
export interface RoomAbilities {
  role: EffectiveRole;
  /** Co-chairs and organizers: agenda editing, the speaking console, the lobby. */
  moderate: boolean;
  /** Everyone but observers may ask for the floor. */
  speak: boolean;
  /** Co-chairs, organizers and note-takers write the minutes. */
  writeMinutes: boolean;
}

/**
 * The viewer's abilities in a room once admitted. The server enforces all of them; the client
 * only hides what would be refused. Organizers act as organizers whatever explicit role they hold.
 */
export function roomAbilities(
  room: Pick<RoomView, 'myRole'> & Partial<RoomRules>,
  isOrganizer: boolean,
): RoomAbilities {
  const role: EffectiveRole = isOrganizer ? 'organizer' : (room.myRole ?? 'participant');
  const rules: RoomRules = {
    floorMode: room.floorMode ?? 'moderated',
    hideDraftMinutes: room.hideDraftMinutes ?? false,
  };
  const may = (action: Parameters<typeof roleMayInRoom>[1]) =>
    roleMayInRoom(role, action, rules, { admission: 'admitted' });
  return {
    role,
    moderate: may('speaking:moderate'),
    speak: may('speaking:raise'),
    writeMinutes: may('minutes:write'),
  };
}
