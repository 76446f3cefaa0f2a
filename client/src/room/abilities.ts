import type { PresenceRole, RoomView } from '@roundtable/shared';

/** What the viewer may do in a room, derived as the server decides it (`server/src/access/can.ts`). */
export interface RoomAbilities {
  role: PresenceRole;
  /** Co-chairs and organizers: agenda editing, the speaking console, the lobby. */
  moderate: boolean;
  /** Everyone but observers may ask for the floor. */
  speak: boolean;
  /** Co-chairs, organizers and note-takers write the minutes. */
  writeMinutes: boolean;
}

/**
 * The viewer's abilities in a room. The server enforces all of them; the client only hides what
 * would be refused. Organizers act as organizers whatever explicit role they also hold.
 */
export function roomAbilities(room: Pick<RoomView, 'myRole'>, isOrganizer: boolean): RoomAbilities {
  const role: PresenceRole = isOrganizer ? 'organizer' : (room.myRole ?? 'participant');
  const moderate = role === 'organizer' || role === 'co_chair';
  return {
    role,
    moderate,
    speak: role !== 'observer',
    writeMinutes: moderate || role === 'note_taker',
  };
}
