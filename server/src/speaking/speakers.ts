import type { Room, Speaker, SpeakingRole } from '@roundtable/shared';
import type { Person, RoomPass } from '../access/guard.js';

/** The speaking role the rule book grants: moderate, raise, or neither. */
export function speakingRoleOf(pass: RoomPass): SpeakingRole {
  if (pass.may('speaking:moderate')) return 'moderator';
  if (pass.may('speaking:raise')) return 'participant';
  return 'observer';
}

/** The speaker facts of a person in a room's event (their delegation there, if any). */
export function speakerIn(person: Person, room: Room): Speaker {
  const delegation = person.actor.memberships.get(room.eventId) ?? null;
  return {
    personId: person.actor.personId,
    name: person.name,
    delegationId: delegation?.delegationId ?? null,
    side: delegation?.side ?? null,
    category: delegation?.category ?? null,
  };
}
