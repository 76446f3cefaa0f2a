import type { Event, Room } from '@roundtable/shared';
import { canInEvent, canInRoom, type MaybeActor } from '@roundtable/shared';

/** A published report is read after the meeting: the room's rule decides, not its lobby. */
const AFTER_THE_MEETING = { admission: 'admitted' } as const;

/*
 * Who may read an event's report, and what of it. Pure, built on `can.ts`:
 *
 * - organizers always, and they also see approved minutes not yet published (a preview);
 * - `public`: everyone, published rooms only;
 * - `participants`: members of the event, published rooms they may enter (the walls between
 *   dialogues hold inside a report that is not public);
 * - `organizers`: nobody else.
 */

export type ReportScope =
  { kind: 'refused'; status: 401 | 403 } | { kind: 'read'; preview: boolean; rooms: (room: Room) => boolean };

const ALL_ROOMS = (): boolean => true;

export function reportScope(actor: MaybeActor, event: Event): ReportScope {
  if (canInEvent(actor, 'report:publish', event.id)) return { kind: 'read', preview: true, rooms: ALL_ROOMS };
  const refused: ReportScope = { kind: 'refused', status: actor === null ? 401 : 403 };
  switch (event.reportVisibility) {
    case 'public':
      return { kind: 'read', preview: false, rooms: ALL_ROOMS };
    case 'participants':
      return canInEvent(actor, 'event:view', event.id)
        ? {
            kind: 'read',
            preview: false,
            rooms: (room) => canInRoom(actor, 'room:view', room, AFTER_THE_MEETING),
          }
        : refused;
    case 'organizers':
      return refused;
  }
}
