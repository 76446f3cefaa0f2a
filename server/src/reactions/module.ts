import {
  ErrorCode,
  ReactionEvents,
  ReactionLimits,
  ReactionRoomPayloadSchema,
  ReactionSendPayloadSchema,
  type ClientToServerEvents,
  type ReactionShown,
} from '@roundtable/shared';
import type { z } from 'zod';
import { canInRoom } from '@roundtable/shared';
import { gatedListener, requireModerator, roomGateOf } from '../chat/gate.js';
import type { AppModule, ModuleContext } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import { createHandLimiter } from '../speaking/hand-limiter.js';
import type { Person } from '../access/guard.js';
import type { Room } from '@roundtable/shared';
import { createReactionCounter } from './counts.js';

/** Socket.IO room of everyone in a dialogue room who sees reactions. */
export const reactionRoom = (roomId: string): string => `reactions:${roomId}`;

/**
 * Reactions: relayed to the room through the adapter (every instance), rate-limited per person,
 * counted for the co-chairs' statistics, not stored.
 */
export function createReactionsModule(context: ModuleContext): AppModule {
  const gate = roomGateOf(context);
  const counter = createReactionCounter(context.redis);
  const limiter = createHandLimiter(ReactionLimits.maxPer10s, 10_000);
  const { io, clock, logger } = context;

  return {
    name: 'reactions',
    registerSocket(socket) {
      const personId = socket.data.personId;
      const gated = gatedListener(socket, gate, logger);
      const on = <S extends z.ZodType<{ roomId: string }>>(
        event: keyof ClientToServerEvents & `reactions:${string}`,
        schema: S,
        handler: (payload: z.infer<S>, room: Room, person: Person) => Promise<unknown>,
      ): void => gated(event, schema, (payload, { person, room }) => handler(payload, room, person));

      on(ReactionEvents.Subscribe, ReactionRoomPayloadSchema, async ({ roomId }) => {
        await socket.join(reactionRoom(roomId));
        gate.track(socket, 'reactions', roomId, async (outcome) => {
          if (outcome.lost) await socket.leave(reactionRoom(roomId));
        });
        return null;
      });
      on(ReactionEvents.Unsubscribe, ReactionRoomPayloadSchema, async ({ roomId }) => {
        gate.untrack(socket, 'reactions', roomId);
        await socket.leave(reactionRoom(roomId));
        return null;
      });
      on(ReactionEvents.Send, ReactionSendPayloadSchema, async ({ kind }, room, person) => {
        if (!canInRoom(person.actor, 'speaking:raise', room, { admission: 'admitted' })) {
          throw new CommandError(ErrorCode.Forbidden, 'Observers watch without reacting.');
        }
        const now = clock.now();
        if (!limiter.take(personId, now)) {
          throw new CommandError(ErrorCode.RateLimited, 'Too many reactions; wait a few seconds.');
        }
        const shown: ReactionShown = { roomId: room.id, personId, name: person.name, kind, at: now };
        io.to(reactionRoom(room.id)).emit(ReactionEvents.Shown, shown);
        await counter.add(room.id, kind);
        return shown;
      });
      on(ReactionEvents.Stats, ReactionRoomPayloadSchema, async (_p, room, person) => {
        requireModerator(person, room, 'see reaction counts');
        return { roomId: room.id, counts: await counter.read(room.id) };
      });
    },
    close() {
      gate.close();
      return Promise.resolve();
    },
  };
}
