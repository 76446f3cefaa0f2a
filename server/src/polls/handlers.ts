import {
  PollCreatePayloadSchema,
  PollEvents,
  PollPublishPayloadSchema,
  PollRoomPayloadSchema,
  PollTargetPayloadSchema,
  PollVotePayloadSchema,
  viewPoll,
  type ClientToServerEvents,
  type PollActor,
  type PollAck,
  type PollsPush,
  type Room,
} from '@roundtable/shared';
import type { z } from 'zod';
import { canInRoom } from '@roundtable/shared';
import type { Logger } from '../logger.js';
import type { RoundtableSocket } from '../module.js';
import type { Person } from '../access/guard.js';
import { speakerIn } from '../speaking/speakers.js';
import { gatedListener, requireModerator, type RoomGate } from '../chat/gate.js';
import { pollRooms } from './names.js';
import type { AcceptedPollCommand, PollService } from './service.js';

export interface PollHandlerDeps {
  service: PollService;
  gate: RoomGate;
  /** The delegation's name, shown in named results of a delegation poll. */
  delegationName(delegationId: string): Promise<string | null>;
  logger: Logger;
}

/** The poll events of one socket: parse, let through the gate, apply through the service, acknowledge. */
export function registerPollHandlers(socket: RoundtableSocket, deps: PollHandlerDeps): void {
  const { service, gate, logger } = deps;
  const personId = socket.data.personId;

  const actorOf = async (person: Person, room: Room): Promise<PollActor> => {
    const speaker = speakerIn(person, room);
    return {
      personId,
      name: person.name,
      delegationId: speaker.delegationId,
      delegationLabel: speaker.delegationId ? await deps.delegationName(speaker.delegationId) : null,
      moderator: canInRoom(person.actor, 'speaking:moderate', room, { admission: 'admitted' }),
      voter: canInRoom(person.actor, 'speaking:raise', room, { admission: 'admitted' }),
    };
  };

  const gated = gatedListener(socket, gate, logger);
  const on = <S extends z.ZodType<{ roomId: string }>>(
    event: keyof ClientToServerEvents & `polls:${string}`,
    schema: S,
    handler: (payload: z.infer<S>, actor: PollActor, room: Room, person: Person) => Promise<unknown>,
  ): void =>
    gated(event, schema, async (payload, { person, room }) =>
      handler(payload, await actorOf(person, room), room, person),
    );

  const ack = (accepted: AcceptedPollCommand, actor: PollActor): PollAck => ({
    version: accepted.version,
    poll: viewPoll(accepted.poll, actor),
  });

  const leaveAll = async (roomId: string) => {
    await socket.leave(pollRooms.chairs(roomId));
    await socket.leave(pollRooms.everyone(roomId));
  };

  on(PollEvents.Subscribe, PollRoomPayloadSchema, async ({ roomId }, actor): Promise<PollsPush> => {
    // Join before reading, so a change in between is pushed; co-chairs get live counts instead.
    await leaveAll(roomId);
    await socket.join(actor.moderator ? pollRooms.chairs(roomId) : pollRooms.everyone(roomId));
    gate.track(socket, 'polls', roomId, async (outcome) => {
      await leaveAll(roomId);
      if (outcome.lost) {
        socket.emit(PollEvents.Unsubscribed, { roomId, reason: outcome.lost });
        return;
      }
      const moderator = canInRoom(outcome.person.actor, 'speaking:moderate', outcome.room, {
        admission: 'admitted',
      });
      await socket.join(moderator ? pollRooms.chairs(roomId) : pollRooms.everyone(roomId));
      // A new role sees other things (live counts, or no longer): push what it sees now.
      const current = await service.current(roomId);
      socket.emit(
        PollEvents.State,
        moderator ? service.chairsPush(roomId, current) : service.publicPush(roomId, current),
      );
    });
    const { state, version } = await service.current(roomId);
    return { roomId, version, polls: state.polls.map((p) => viewPoll(p, actor)) };
  });

  on(PollEvents.Unsubscribe, PollRoomPayloadSchema, async ({ roomId }) => {
    gate.untrack(socket, 'polls', roomId);
    await leaveAll(roomId);
    return null;
  });

  on(PollEvents.Create, PollCreatePayloadSchema, async (p, actor, room, person) => {
    requireModerator(person, room, 'run polls');
    return ack(await service.execute(room, { type: 'create', spec: p.poll }, actor), actor);
  });

  on(PollEvents.Vote, PollVotePayloadSchema, async (p, actor, room) =>
    ack(await service.execute(room, { type: 'vote', pollId: p.pollId, choices: p.choices }, actor), actor),
  );

  on(PollEvents.Close, PollTargetPayloadSchema, async (p, actor, room, person) => {
    requireModerator(person, room, 'run polls');
    return ack(await service.execute(room, { type: 'close', pollId: p.pollId }, actor), actor);
  });

  on(PollEvents.Publish, PollPublishPayloadSchema, async (p, actor, room, person) => {
    requireModerator(person, room, 'run polls');
    const published = await service.publish(room, p.pollId, actor, p.language);
    return { ...ack(published, actor), minutes: published.minutes };
  });
}
