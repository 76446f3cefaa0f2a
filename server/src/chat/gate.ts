import {
  canInRoom,
  ErrorCode,
  type ChatRole,
  type ClientToServerEvents,
  type Room,
  type RoomFacts,
} from '@roundtable/shared';
import type { z } from 'zod';
import type { Person, RoomGuard, RoomPass } from '../access/guard.js';
import { revokeReasonOf } from '../access/socket-door.js';
import type { ModuleContext, RoundtableSocket } from '../module.js';
import type { Logger } from '../logger.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';

/** Why a subscription ended: the rules no longer admit the person, or a co-chair removed them. */
export type LostReason = 'access_changed' | 'removed';

/** A re-check's outcome: access lost (the subscription is dropped), or the person's facts now. */
export type Recheck = { lost: LostReason } | { lost: null; person: Person; room: Room };

/**
 * The entrance of the chat, polls and reactions, over the room guard: every command passes
 * `enter` (access and lobby admission), and live subscriptions are held under the guard's
 * re-check, so a removed or still-waiting person neither reads nor writes.
 */
export interface RoomGate {
  readonly access: Pick<RoomGuard, 'person'>;
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

const gates = new WeakMap<ModuleContext, RoomGate>();

/** The one gate of an app, shared by the chat, polls and reactions. */
export function roomGateOf(context: ModuleContext): RoomGate {
  let gate = gates.get(context);
  if (!gate) {
    gate = createRoomGate(context.guard);
    gates.set(context, gate);
  }
  return gate;
}

function createRoomGate(guard: RoomGuard): RoomGate {
  const held = new Map<RoundtableSocket, Map<string, () => void>>();
  const keyOf = (topic: string, roomId: string) => `${topic}\u0000${roomId}`;
  // The pass each person last entered a room with: `track` follows `enter` in the same handler,
  // and holding with it re-checks at once an access change that landed in between.
  const lastPass = new Map<string, RoomPass>();
  const passKey = (personId: string, roomId: string) => `${personId}\u0000${roomId}`;

  return {
    access: { person: (personId) => guard.person(personId) },
    async enter(personId, roomId) {
      const pass = await guard.enter(personId, roomId, 'room:enter');
      lastPass.set(passKey(personId, roomId), pass);
      return pass;
    },
    track(socket, topic, roomId, onChange) {
      let rooms = held.get(socket);
      if (!rooms) {
        const mine = new Map<string, () => void>();
        rooms = mine;
        held.set(socket, mine);
        socket.on('disconnect', () => {
          for (const release of mine.values()) release();
          held.delete(socket);
        });
      }
      const key = keyOf(topic, roomId);
      rooms.get(key)?.();
      const personId = socket.data.personId;
      const pass = lastPass.get(passKey(personId, roomId)) ?? null;
      lastPass.delete(passKey(personId, roomId));
      const release = guard.hold(
        {
          personId,
          roomId,
          action: 'room:enter',
          revoke: async (refusal) => {
            held.get(socket)?.delete(key);
            await onChange({ lost: revokeReasonOf(refusal) });
          },
          recheck: (now) => onChange({ lost: null, person: now.person, room: now.room }),
        },
        pass,
      );
      rooms.set(key, release);
    },
    untrack(socket, topic, roomId) {
      const key = keyOf(topic, roomId);
      held.get(socket)?.get(key)?.();
      held.get(socket)?.delete(key);
    },
    close() {
      for (const rooms of held.values()) for (const release of rooms.values()) release();
      held.clear();
    },
  };
}

/** Decisions behind the gate are for people it admitted. */
const ADMITTED: RoomFacts = { admission: 'admitted' };

/** The chat role the room's rules give a person. */
export function chatRoleOf(person: Person, room: Room): ChatRole {
  if (canInRoom(person.actor, 'speaking:moderate', room, ADMITTED)) return 'moderator';
  if (canInRoom(person.actor, 'minutes:write', room, ADMITTED)) return 'note_taker';
  if (canInRoom(person.actor, 'speaking:raise', room, ADMITTED)) return 'participant';
  return 'observer';
}

/** Refuses anyone but the room's co-chairs and organizers. */
export function requireModerator(person: Person, room: Room, what: string): void {
  if (!canInRoom(person.actor, 'speaking:moderate', room, ADMITTED)) {
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
