import type { Category, Room, RoomRole } from '@roundtable/shared';

/** Who is acting, with everything an access decision needs. Built by `loadActor`. */
export interface Actor {
  personId: string;
  isOrganizer: boolean;
  /** Event memberships: eventId → the member's delegation (null when not in one). */
  memberships: ReadonlyMap<string, { category: Category; side: string; delegationId: string } | null>;
  /** Explicit room roles: roomId → role. */
  roomRoles: ReadonlyMap<string, RoomRole>;
}

/** The public, not signed in. */
export const ANONYMOUS = null;
export type MaybeActor = Actor | typeof ANONYMOUS;

/** A role as decisions see it: organizers are above every room role. */
export type EffectiveRole = RoomRole | 'organizer';

/**
 * The role `actor` holds in `room`: organizer, an explicit role, or `participant` when the room's
 * rule admits them; null when they may not enter at all.
 */
export function roomRoleOf(actor: MaybeActor, room: Room): EffectiveRole | null {
  if (!actor) return null;
  if (actor.isOrganizer) return 'organizer';
  const explicit = actor.roomRoles.get(room.id);
  if (explicit) return explicit;
  if (!actor.memberships.has(room.eventId)) return null;
  const delegation = actor.memberships.get(room.eventId) ?? null;
  if (room.access.mode === 'event') return 'participant';
  if (room.access.personIds.includes(actor.personId)) return 'participant';
  if (delegation && room.access.categories.includes(delegation.category)) return 'participant';
  return null;
}

export type RoomAction =
  | 'room:enter'
  | 'room:see-presence'
  | 'agenda:read'
  | 'agenda:write'
  | 'agenda:advance'
  | 'minutes:read'
  | 'minutes:write'
  | 'minutes:approve'
  | 'speaking:raise'
  | 'speaking:moderate'
  | 'lobby:admit'
  | 'room:remove-person'
  | 'media:join'
  | 'media:publish'
  | 'media:moderate'
  | 'audit:read'
  | 'stats:read'
  | 'room:manage';

export type EventAction =
  | 'event:view'
  | 'event:see-presence'
  | 'event:manage'
  | 'registration:submit'
  | 'registration:manage'
  | 'report:publish';

/** Room-level facts some decisions need besides the room itself. */
export interface RoomContext {
  /** Minutes have been published (drafts may be hidden from readers until then). */
  minutesPublished?: boolean;
  /** The actor currently holds the floor (moderated rooms let only them publish). */
  holdsFloor?: boolean;
}

const MODERATORS: ReadonlySet<EffectiveRole> = new Set(['organizer', 'co_chair']);
const MINUTES_WRITERS: ReadonlySet<EffectiveRole> = new Set(['organizer', 'co_chair', 'note_taker']);

/**
 * Every room access decision, in one pure function.
 * Invariant: nothing is allowed to someone whom `roomRoleOf` does not admit.
 */
export function canInRoom(
  actor: MaybeActor,
  action: RoomAction,
  room: Room,
  context: RoomContext = {},
): boolean {
  const role = roomRoleOf(actor, room);
  if (role === null) return false;
  const moderator = MODERATORS.has(role);
  switch (action) {
    case 'room:enter':
    case 'room:see-presence':
    case 'agenda:read':
    case 'media:join':
      return true;
    case 'agenda:write':
    case 'agenda:advance':
    case 'speaking:moderate':
    case 'lobby:admit':
    case 'room:remove-person':
    case 'media:moderate':
    case 'audit:read':
    case 'stats:read':
      return moderator;
    case 'minutes:read':
      return MINUTES_WRITERS.has(role) || !room.hideDraftMinutes || context.minutesPublished === true;
    case 'minutes:write':
      return MINUTES_WRITERS.has(role);
    case 'minutes:approve':
      return role === 'co_chair' || role === 'organizer';
    case 'speaking:raise':
      return role !== 'observer';
    case 'media:publish':
      if (role === 'observer') return false;
      if (moderator) return true;
      return room.floorMode === 'open' || context.holdsFloor === true;
    case 'room:manage':
      return role === 'organizer';
  }
}

/** Event-level decisions. `eventId` names the event the action is about. */
export function canInEvent(actor: MaybeActor, action: EventAction, eventId: string): boolean {
  switch (action) {
    case 'registration:submit':
      return true;
    case 'event:view':
    case 'event:see-presence':
      return actor !== null && (actor.isOrganizer || actor.memberships.has(eventId));
    case 'event:manage':
    case 'registration:manage':
    case 'report:publish':
      return actor?.isOrganizer === true;
  }
}

/** Decisions not tied to one event: series, creating events, the people directory. */
export type GlobalAction = 'series:manage' | 'event:create' | 'people:manage' | 'organizer:create';

export function canGlobally(actor: MaybeActor, action: GlobalAction): boolean {
  switch (action) {
    case 'series:manage':
    case 'event:create':
    case 'people:manage':
    case 'organizer:create':
      return actor?.isOrganizer === true;
  }
}
