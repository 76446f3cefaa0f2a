import type { Category, RoomRole } from '../domain/people.js';
import type { Room } from '../domain/events.js';

/*
 * The one rule book of who may do what in a room: room roles × the room's rules × admission
 * state × actions. The server decides with it at every entrance (`RoomGuard`), the LiveKit grants
 * are derived from it (`mediaGrantsFor`), and the client hides what it would refuse
 * (`roomAbilities`). Pure and dependency-free, so every side reads the same table.
 */

/** Who is acting, with everything an access decision needs. The server builds it from the store. */
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
 * Where a person stands with a room's door. `admitted`: inside. `waiting`: in the lobby of a room
 * that has one, not yet let in. `removed`: sent out by a co-chair; needs admission again, lobby or
 * not. Moderators are always admitted.
 */
export type Admission = 'admitted' | 'waiting' | 'removed';

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
  | 'room:view'
  | 'lobby:wait'
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
  | 'media:share-screen'
  | 'media:moderate'
  | 'audit:read'
  | 'stats:read'
  | 'room:manage';

/** The actions allowed before admission: seeing the room's page and asking to be let in. */
const AT_THE_DOOR: ReadonlySet<RoomAction> = new Set(['room:view', 'lobby:wait']);

/** Room-level facts some decisions need besides the room itself. */
export interface RoomFacts {
  /** The person's admission; the server always reads it, the client shows only admitted rooms. */
  admission: Admission;
  /** Minutes have been published (drafts may be hidden from readers until then). */
  minutesPublished?: boolean;
  /** The actor currently holds the floor (moderated rooms let only them publish). */
  holdsFloor?: boolean;
}

/** The parts of a room the role table reads (the access rule is `roomRoleOf`'s). */
export type RoomRules = Pick<Room, 'floorMode' | 'hideDraftMinutes'>;

const MODERATORS: ReadonlySet<EffectiveRole> = new Set(['organizer', 'co_chair']);
const MINUTES_WRITERS: ReadonlySet<EffectiveRole> = new Set(['organizer', 'co_chair', 'note_taker']);

/** Co-chairs and organizers: they run the room and are never held at its door. */
export const isModerator = (role: EffectiveRole): boolean => MODERATORS.has(role);

/**
 * The role table: whether someone holding `role` may do `action` in a room with `rules`.
 * Invariant: before admission only `room:view` and `lobby:wait` are allowed, for every role but
 * the moderators', who are always admitted.
 */
export function roleMayInRoom(
  role: EffectiveRole,
  action: RoomAction,
  rules: RoomRules,
  facts: RoomFacts,
): boolean {
  const moderator = isModerator(role);
  if (!moderator && facts.admission !== 'admitted' && !AT_THE_DOOR.has(action)) return false;
  switch (action) {
    case 'room:view':
    case 'lobby:wait':
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
    case 'media:share-screen':
    case 'media:moderate':
    case 'audit:read':
    case 'stats:read':
      return moderator;
    case 'minutes:read':
      return MINUTES_WRITERS.has(role) || !rules.hideDraftMinutes || facts.minutesPublished === true;
    case 'minutes:write':
      return MINUTES_WRITERS.has(role);
    case 'minutes:approve':
      return moderator;
    case 'speaking:raise':
      return role !== 'observer';
    case 'media:publish':
      if (role === 'observer') return false;
      if (moderator) return true;
      return rules.floorMode === 'open' || facts.holdsFloor === true;
    case 'room:manage':
      return role === 'organizer';
  }
}

/**
 * Every room access decision, in one pure function: the room's rule gives the role, the role
 * table and the admission state decide. Nothing is allowed to someone `roomRoleOf` does not admit.
 */
export function canInRoom(actor: MaybeActor, action: RoomAction, room: Room, facts: RoomFacts): boolean {
  const role = roomRoleOf(actor, room);
  return role !== null && roleMayInRoom(role, action, room, facts);
}

export type EventAction =
  | 'event:view'
  | 'event:see-presence'
  | 'event:manage'
  | 'registration:submit'
  | 'registration:manage'
  | 'report:publish';

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
