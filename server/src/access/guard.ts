import type { Request } from 'express';
import {
  admissionOf,
  ErrorCode,
  isModerator,
  LobbyStateSchema,
  roleMayInRoom,
  roomRoleOf,
  type Actor,
  type Admission,
  type EffectiveRole,
  type LobbyState,
  type Room,
  type RoomAction,
  type RoomFacts,
} from '@roundtable/shared';
import type { Sessions } from '../auth/sessions.js';
import { findRoom } from '../events/store.js';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import type { RoomStates } from '../room-state/registry.js';
import type { RoomStateStore } from '../room-state/store.js';
import type { Db } from '../store/db.js';
import type { AccessChanges } from './changes.js';
import { loadActor } from './load-actor.js';

/** A person as room decisions need them: the access facts and the name others see. */
export interface Person {
  actor: Actor;
  name: string;
}

/** A person let in for an action: who, where, in which role and admission state. */
export interface RoomPass {
  person: Person;
  room: Room;
  role: EffectiveRole;
  admission: Admission;
  /** Whether the rule book lets this person do `action` here too, with the same facts. */
  may(action: RoomAction, facts?: Omit<RoomFacts, 'admission'>): boolean;
}

/** Why a person is not let in. `not_admitted`: they have access but wait or were removed. */
export interface Refusal {
  code: typeof ErrorCode.NotFound | typeof ErrorCode.Forbidden | typeof ErrorCode.NotAdmitted;
  status: 403 | 404;
  message: string;
  /** Set for `not_admitted`. */
  admission?: Exclude<Admission, 'admitted'>;
}

export type Decision = { ok: true; pass: RoomPass } | { ok: false; refusal: Refusal };

/** Something open in a room (a subscription, a document connection, a media session). */
export interface Holding {
  personId: string;
  roomId: string;
  /** The action that keeps it open (e.g. `agenda:read` for the agenda document). */
  action: RoomAction;
  /** Runs once when a re-check refuses; the holding is released first. */
  revoke(refusal: Refusal): void | Promise<void>;
  /** Runs when a re-check still allows it, so the holder can downgrade (e.g. lose write). */
  recheck?(pass: RoomPass): void | Promise<void>;
}

/**
 * The one door of every room: "may this person, in this admission state, do this here now".
 * Every entrance asks it (REST routes, Socket.IO registrars, the Yjs door, media tokens and
 * webhooks); whatever an entrance keeps open is `hold`-ed, and every access change (role,
 * membership, room rule, lobby admit/remove) re-decides the holdings it concerns on every
 * instance, revoking what is no longer allowed.
 */
export interface RoomGuard {
  decide(personId: string, roomId: string, action: RoomAction, facts?: ExtraFacts): Promise<Decision>;
  /** The pass, or a `CommandError` (sockets answer it in the acknowledgement). */
  enter(personId: string, roomId: string, action: RoomAction, facts?: ExtraFacts): Promise<RoomPass>;
  /** The signed-in caller's pass, or an `HttpError` (401, 404, 403). */
  request(req: Request, roomId: string, action: RoomAction, facts?: ExtraFacts): Promise<RoomPass>;
  /**
   * Keeps `holding` under re-check until the returned release runs. Pass the `RoomPass` it was
   * granted with: an access change that landed while that decision was being made is re-checked
   * at once, since its notice went by before the holding existed. Without one (null), the
   * holding is checked right away.
   */
  hold(holding: Holding, grantedWith: RoomPass | null): () => void;
  /** A person by id (cached like the decisions), e.g. the target of a co-chair's command. */
  person(personId: string): Promise<Person | null>;
  /** Stops listening for access changes. */
  close(): void;
}

/** Facts an entrance knows that the guard does not look up itself. */
export type ExtraFacts = Omit<RoomFacts, 'admission' | 'minutesPublished'>;

export interface RoomGuardDeps {
  db: Db;
  sessions: Sessions;
  accessChanges: AccessChanges;
  roomStates: RoomStates;
  clock: Clock;
  logger: Logger;
  /** Whether a room's minutes are published (readers of hidden drafts wait for it). */
  minutesPublished(roomId: string): Promise<boolean>;
  /** Bounds what a change made behind the API's back can leave in the caches. */
  cacheTtlMs?: number;
}

/** The lobby's admission state per room: written by the lobby, read by the guard. */
export function openLobbyStates(roomStates: RoomStates): RoomStateStore<LobbyState> {
  return roomStates.open('lobby', LobbyStateSchema, () => ({ waiting: [], admitted: [], removed: [] }));
}

const REFUSE_ROOM: Refusal = { code: ErrorCode.NotFound, status: 404, message: 'No such room.' };
const REFUSE_ACCESS: Refusal = {
  code: ErrorCode.Forbidden,
  status: 403,
  message: 'You are not allowed to do this in this room.',
};
const refuseAdmission = (admission: Exclude<Admission, 'admitted'>): Refusal => ({
  code: ErrorCode.NotAdmitted,
  status: 403,
  message:
    admission === 'waiting'
      ? 'Wait until a co-chair admits you to this room.'
      : 'A co-chair removed you from this room; ask to be admitted again.',
  admission,
});

export function createRoomGuard(deps: RoomGuardDeps): RoomGuard {
  const { db, clock, logger } = deps;
  const ttlMs = deps.cacheTtlMs ?? 60_000;
  const lobby = openLobbyStates(deps.roomStates);
  // Caches for bursts (hand raises right after the subscription that loaded them). Every access
  // change drops its entries at once, on every instance, before the holdings are re-checked.
  const rooms = new Map<string, { value: Promise<Room | null>; at: number }>();
  const people = new Map<string, { value: Promise<Person | null>; at: number }>();
  const holdings = new Set<Holding>();
  /** Counts access changes heard, so a decision can tell whether one landed while it ran. */
  let changesHeard = 0;
  const decidedAt = new WeakMap<RoomPass, number>();

  function cached<T>(
    map: Map<string, { value: Promise<T>; at: number }>,
    key: string,
    load: () => Promise<T>,
  ) {
    const hit = map.get(key);
    if (hit && clock.now() - hit.at < ttlMs) return hit.value;
    const value = load();
    map.set(key, { value, at: clock.now() });
    // A failed load must not stick in the cache.
    value.catch(() => map.delete(key));
    return value;
  }

  const loadPerson = async (personId: string): Promise<Person | null> => {
    const [actor, row] = await Promise.all([
      loadActor(db, personId),
      db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst(),
    ]);
    return actor && row ? { actor, name: row.name } : null;
  };
  const person = (personId: string) => cached(people, personId, () => loadPerson(personId));
  const room = (roomId: string) => cached(rooms, roomId, () => findRoom(db, roomId));

  async function decide(
    personId: string,
    roomId: string,
    action: RoomAction,
    extra: ExtraFacts = {},
  ): Promise<Decision> {
    const heard = changesHeard;
    const [who, where] = await Promise.all([person(personId), room(roomId)]);
    if (!where) return { ok: false, refusal: REFUSE_ROOM };
    const role = who ? roomRoleOf(who.actor, where) : null;
    if (!who || role === null) return { ok: false, refusal: REFUSE_ACCESS };
    const admission = isModerator(role)
      ? 'admitted'
      : admissionOf((await lobby.get(where.id)).state, personId, where, false);
    const published = action === 'minutes:read' && where.hideDraftMinutes;
    const facts: RoomFacts = {
      ...extra,
      admission,
      minutesPublished: published ? await deps.minutesPublished(where.id) : false,
    };
    if (!roleMayInRoom(role, action, where, facts)) {
      // Not admitted yet is only the reason when admission would let them do it.
      if (
        admission === 'admitted' ||
        !roleMayInRoom(role, action, where, { ...facts, admission: 'admitted' })
      ) {
        return { ok: false, refusal: REFUSE_ACCESS };
      }
      return { ok: false, refusal: refuseAdmission(admission) };
    }
    const pass: RoomPass = {
      person: who,
      room: where,
      role,
      admission,
      may: (other, more = {}) => roleMayInRoom(role, other, where, { ...facts, ...more }),
    };
    decidedAt.set(pass, heard);
    return { ok: true, pass };
  }

  const recheck = async (holding: Holding): Promise<void> => {
    const decision = await decide(holding.personId, holding.roomId, holding.action);
    if (!holdings.has(holding)) return;
    if (decision.ok) {
      await holding.recheck?.(decision.pass);
      return;
    }
    holdings.delete(holding);
    await holding.revoke(decision.refusal);
  };
  const recheckLogged = (holding: Holding): void => {
    recheck(holding).catch((err: unknown) =>
      logger.error({ err, roomId: holding.roomId, action: holding.action }, 'access re-check failed'),
    );
  };

  const stop = deps.accessChanges.onChange((change) => {
    changesHeard++;
    for (const id of change.personIds) people.delete(id);
    for (const id of change.roomIds) rooms.delete(id);
    // A room's rule change can affect anyone: drop every person too.
    if (change.roomIds.length > 0) people.clear();
    const persons = new Set(change.personIds);
    const affected = new Set(change.roomIds);
    for (const holding of holdings) {
      if (persons.has(holding.personId) || affected.has(holding.roomId)) recheckLogged(holding);
    }
  });

  const enter: RoomGuard['enter'] = async (personId, roomId, action, facts) => {
    const decision = await decide(personId, roomId, action, facts);
    if (decision.ok) return decision.pass;
    throw new CommandError(decision.refusal.code, decision.refusal.message);
  };

  return {
    decide,
    enter,
    async request(req, roomId, action, facts) {
      const actor = await deps.sessions.requireActor(req);
      const decision = await decide(actor.personId, roomId, action, facts);
      if (decision.ok) return decision.pass;
      const { status, code, message } = decision.refusal;
      throw new HttpError(status, code, message);
    },
    hold(holding, grantedWith) {
      holdings.add(holding);
      const heard = grantedWith ? decidedAt.get(grantedWith) : undefined;
      if (heard !== changesHeard) recheckLogged(holding);
      return () => {
        holdings.delete(holding);
      };
    },
    person,
    close: stop,
  };
}
