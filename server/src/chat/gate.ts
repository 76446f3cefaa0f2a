import { ErrorCode, type ChatRole, type ClientToServerEvents, type Room } from '@roundtable/shared';
import type { z } from 'zod';
import { canInRoom } from '../access/can.js';
import type { LobbyModule } from '../lobby/module.js';
import type { ModuleContext, RoundtableSocket } from '../module.js';
import type { Logger } from '../logger.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import { createRoomAccess, type Person, type RoomAccess } from '../speaking/room-access.js';

/** Why a subscription ended: the rules no longer admit the person, or a co-chair removed them. */
export type LostReason = 'access_changed' | 'removed';

/** A re-check's outcome: access lost (the subscription is dropped), or the person's facts now. */
export type Recheck = { lost: LostReason } | { lost: null; person: Person; room: Room };

/**
 * The entrance of the chat, polls and reactions: every command passes `enter` (room access, then
 * lobby admission, as the speaking order does), and live subscriptions are re-checked whenever
 * access changes, so a removed or still-waiting person neither reads nor writes.
 */
export interface RoomGate {
  readonly access: RoomAccess;
  /** The person and room, or `not_found` / `forbidden` / `not_admitted`. */
  enter(personId: string, roomId: string): Promise<{ person: Person; room: Room }>;
  /**
   * Remembers a socket's subscription; `onChange` runs after every access change that concerns it
   * (a role may change without access going away). After a loss the subscription is forgotten.
   */
  track(
    socket: RoundtableSocket,
    topic: string,
    roomId: string,
    onChange: (outcome: Recheck) => Promise<void>,
  ): void;
  untrack(socket: RoundtableSocket, topic: string, roomId: string): void;
  close(): void;
}

function lobbyOf(context: ModuleContext): Pick<LobbyModule, 'isAdmittedIn'> | null {
  const module = context.modules.get('lobby');
  return module && 'isAdmittedIn' in module ? (module as LobbyModule) : null;
}

const gates = new WeakMap<ModuleContext, RoomGate>();

/** The one gate of an app, shared by the chat, polls and reactions (one access-change listener). */
export function roomGateOf(context: ModuleContext): RoomGate {
  let gate = gates.get(context);
  if (!gate) {
    gate = createRoomGate(context);
    gates.set(context, gate);
  }
  return gate;
}

function createRoomGate(context: ModuleContext): RoomGate {
  const access = createRoomAccess(context.store.db, context.clock);
  const lobby = lobbyOf(context);
  const isAdmitted = (room: Room, person: Person) =>
    lobby ? lobby.isAdmittedIn(room, person) : Promise.resolve(true);
  type Subscription = { roomId: string; onChange: (outcome: Recheck) => Promise<void> };
  const tracked = new Map<RoundtableSocket, Map<string, Subscription>>();
  const keyOf = (topic: string, roomId: string) => `${topic}\u0000${roomId}`;

  const check = async (personId: string, roomId: string): Promise<Recheck> => {
    const [person, room] = await Promise.all([access.person(personId), access.room(roomId)]);
    if (!person || !room || !canInRoom(person.actor, 'room:enter', room)) return { lost: 'access_changed' };
    return (await isAdmitted(room, person)) ? { lost: null, person, room } : { lost: 'removed' };
  };

  const stopWatching = context.accessChanges.onChange((change) => {
    access.invalidate(change);
    const people = new Set(change.personIds);
    const rooms = new Set(change.roomIds);
    for (const [socket, subscribed] of tracked) {
      for (const [key, subscription] of subscribed) {
        const { roomId } = subscription;
        if (!people.has(socket.data.personId) && !rooms.has(roomId)) continue;
        check(socket.data.personId, roomId)
          .then(async (outcome) => {
            // Unsubscribed (or subscribed again) while the check ran: that subscription decides.
            if (tracked.get(socket)?.get(key) !== subscription) return;
            if (outcome.lost) tracked.get(socket)?.delete(key);
            await subscription.onChange(outcome);
          })
          .catch((err: unknown) => context.logger.error({ err, key }, 'room subscription re-check failed'));
      }
    }
  });

  return {
    access,
    async enter(personId, roomId) {
      const { person, room } = await access.authorize(personId, roomId, 'room:enter');
      if (!(await isAdmitted(room, person))) {
        throw new CommandError('not_admitted', 'Wait until a co-chair admits you to this room.');
      }
      return { person, room };
    },
    track(socket, topic, roomId, onChange) {
      let rooms = tracked.get(socket);
      if (!rooms) {
        rooms = new Map();
        tracked.set(socket, rooms);
        socket.on('disconnect', () => tracked.delete(socket));
      }
      rooms.set(keyOf(topic, roomId), { roomId, onChange });
    },
    untrack(socket, topic, roomId) {
      tracked.get(socket)?.delete(keyOf(topic, roomId));
    },
    close: stopWatching,
  };
}

/** The chat role the room's rules give a person. */
export function chatRoleOf(person: Person, room: Room): ChatRole {
  if (canInRoom(person.actor, 'speaking:moderate', room)) return 'moderator';
  if (canInRoom(person.actor, 'minutes:write', room)) return 'note_taker';
  if (canInRoom(person.actor, 'speaking:raise', room)) return 'participant';
  return 'observer';
}

/** Refuses anyone but the room's co-chairs and organizers. */
export function requireModerator(person: Person, room: Room, what: string): void {
  if (!canInRoom(person.actor, 'speaking:moderate', room)) {
    throw new CommandError(ErrorCode.Forbidden, `Only co-chairs and organizers ${what}.`);
  }
}

/** A handler behind the gate: the payload, and who entered which room. */
export type GatedHandler<S extends z.ZodType> = (
  payload: z.infer<S>,
  entered: { person: Person; room: Room },
) => Promise<unknown>;

/**
 * Registers a socket's events behind the gate: `withSchema` parses and acknowledges, then `enter`
 * runs before the handler. With `serial`, one event at a time per socket (from the gate on), so
 * what a client sent in order is handled in order.
 */
export function gatedListener(socket: RoundtableSocket, gate: RoomGate, logger: Logger) {
  const listen = socket.on.bind(socket) as (
    event: string,
    listener: (payload: unknown, ack?: unknown) => void,
  ) => void;
  let queue: Promise<unknown> = Promise.resolve();
  return <S extends z.ZodType<{ roomId: string }>>(
    event: keyof ClientToServerEvents,
    schema: S,
    handler: GatedHandler<S>,
    options: { serial?: boolean } = {},
  ): void => {
    const run = async (payload: z.infer<S>) =>
      handler(payload, await gate.enter(socket.data.personId, payload.roomId));
    const queued = (payload: z.infer<S>) => {
      const result = queue.then(() => run(payload));
      queue = result.catch(() => undefined);
      return result;
    };
    listen(event, withSchema(event, schema, options.serial ? queued : run, logger));
  };
}
