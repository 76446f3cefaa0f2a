import {
  AddPayloadSchema,
  computeSpeakingStats,
  EndTurnPayloadSchema,
  ErrorCode,
  ExtendPayloadSchema,
  GiveFloorPayloadSchema,
  Limits,
  LowerHandPayloadSchema,
  MovePayloadSchema,
  RaiseHandPayloadSchema,
  RemovePayloadSchema,
  SpeakingErrorCode,
  SpeakingEvents,
  SpeakingRoomPayloadSchema,
  UpdateSettingsPayloadSchema,
  type ClientToServerEvents,
  type Room,
  type RoomAction,
  type SpeakingActor,
  type SpeakingCommand,
  type SpeakingCommandAck,
} from '@roundtable/shared';
import type { z } from 'zod';
import type { RoomGuard } from '../access/guard.js';
import type { SocketDoor } from '../access/socket-door.js';
import type { Logger } from '../logger.js';
import type { Clock, RoundtableSocket } from '../module.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { HandLimiter } from './hand-limiter.js';
import { speakingRoom } from './names.js';
import { speakerIn, speakingRoleOf } from './speakers.js';
import type { SpeakingService } from './service.js';

export interface SpeakingHandlerDeps {
  service: SpeakingService;
  guard: RoomGuard;
  hands: HandLimiter;
  clock: Clock;
  logger: Logger;
}

type SpeakingAction = Extract<RoomAction, 'speaking:raise' | 'speaking:moderate'>;

/** The speaking events of one socket: parse, authorize, apply through the service, acknowledge. */
export function registerSpeakingHandlers(
  socket: RoundtableSocket,
  door: SocketDoor,
  deps: SpeakingHandlerDeps,
): void {
  const { service, guard, clock, logger } = deps;
  const personId = socket.data.personId;
  const enter = (roomId: string) => door.enter(roomId, 'room:enter');

  // Event names stay checked against the contract (`E`); withSchema validates the payloads.
  const listen = socket.on.bind(socket) as (
    event: string,
    listener: (payload: unknown, ack?: unknown) => void,
  ) => void;
  const on = <E extends keyof ClientToServerEvents & `speaking:${string}`, S extends z.ZodType>(
    event: E,
    schema: S,
    handler: (payload: z.infer<S>) => Promise<unknown>,
  ): void => {
    listen(event, withSchema(event, schema, handler, logger));
  };

  /** A command: authorized by `can.ts` for `action`, rate-limited when it is a hand action. */
  const command = <
    E extends keyof ClientToServerEvents & `speaking:${string}`,
    S extends z.ZodType<{ roomId: string }>,
  >(
    event: E,
    schema: S,
    action: SpeakingAction,
    build: (payload: z.infer<S>, room: Room) => SpeakingCommand | Promise<SpeakingCommand>,
  ): void => {
    on(event, schema, async (payload): Promise<SpeakingCommandAck> => {
      const pass = await enter(payload.roomId);
      const { person, room } = pass;
      if (!pass.may(action)) {
        throw action === 'speaking:raise'
          ? new CommandError(SpeakingErrorCode.ObserverCannotSpeak, 'Observers cannot ask for the floor.')
          : new CommandError(
              ErrorCode.Forbidden,
              'Only co-chairs and organizers moderate the speaking order.',
            );
      }
      if (action === 'speaking:raise' && !deps.hands.take(personId, clock.now())) {
        throw new CommandError(ErrorCode.RateLimited, 'Too many hand raises; wait a few seconds.');
      }
      const actor: SpeakingActor = { ...speakerIn(person, room), role: speakingRoleOf(pass) };
      const accepted = await service.execute(room, await build(payload, room), actor);
      return { version: accepted.version, at: accepted.at };
    });
  };

  on(SpeakingEvents.Subscribe, SpeakingRoomPayloadSchema, async ({ roomId }) => {
    const pass = await enter(roomId);
    const { room } = pass;
    // Join before reading: a change accepted in between is then pushed, not lost.
    await door.join(speakingRoom(room.id), pass, 'room:enter', (reason) =>
      socket.emit(SpeakingEvents.Unsubscribed, { roomId: room.id, reason }),
    );
    return service.pushOf(room.id, await service.current(room.id));
  });

  on(SpeakingEvents.Unsubscribe, SpeakingRoomPayloadSchema, async ({ roomId }) => {
    await door.leave(speakingRoom(roomId));
    return null;
  });

  on(SpeakingEvents.Stats, SpeakingRoomPayloadSchema, async ({ roomId }) => {
    const pass = await enter(roomId);
    const { room } = pass;
    if (!pass.may('stats:read')) {
      throw new CommandError(ErrorCode.Forbidden, 'Only co-chairs and organizers see speaking statistics.');
    }
    return computeSpeakingStats((await service.current(room.id)).state, clock.now());
  });

  const raise = 'speaking:raise';
  const moderate = 'speaking:moderate';
  command(SpeakingEvents.RaiseHand, RaiseHandPayloadSchema, raise, (p) => ({ type: 'raise', kind: p.kind }));
  command(SpeakingEvents.LowerHand, LowerHandPayloadSchema, raise, (p) => ({
    type: 'lower',
    entryId: p.entryId,
  }));
  command(SpeakingEvents.GiveFloor, GiveFloorPayloadSchema, moderate, (p) => ({
    type: 'give',
    entryId: p.entryId,
  }));
  command(SpeakingEvents.EndTurn, EndTurnPayloadSchema, moderate, (p) => ({ type: 'end', turnId: p.turnId }));
  command(SpeakingEvents.Pause, SpeakingRoomPayloadSchema, moderate, () => ({ type: 'pause' }));
  command(SpeakingEvents.Resume, SpeakingRoomPayloadSchema, moderate, () => ({ type: 'resume' }));
  command(SpeakingEvents.Extend, ExtendPayloadSchema, moderate, (p) => ({
    type: 'extend',
    seconds: p.seconds,
  }));
  command(SpeakingEvents.Move, MovePayloadSchema, moderate, (p) => ({
    type: 'move',
    entryId: p.entryId,
    toIndex: p.toIndex,
  }));
  command(SpeakingEvents.Remove, RemovePayloadSchema, moderate, (p) => ({
    type: 'remove',
    entryId: p.entryId,
  }));
  command(SpeakingEvents.Add, AddPayloadSchema, moderate, async (p, room) => {
    const target = await guard.person(p.personId);
    if (!target) throw new CommandError(ErrorCode.NotFound, 'No such person.');
    // Someone waiting may be added (they may be at the table in person); someone removed may not.
    const decision = await guard.decide(p.personId, room.id, 'speaking:raise');
    if (!decision.ok && decision.refusal.admission !== 'waiting') {
      throw new CommandError(
        SpeakingErrorCode.TargetCannotSpeak,
        `${target.name} cannot speak in this room.`,
      );
    }
    return { type: 'add', speaker: speakerIn(target, room), kind: p.kind };
  });
  command(SpeakingEvents.ReaddLast, SpeakingRoomPayloadSchema, moderate, () => ({ type: 'readd' }));
  command(SpeakingEvents.Open, SpeakingRoomPayloadSchema, moderate, () => ({ type: 'open' }));
  command(SpeakingEvents.Close, SpeakingRoomPayloadSchema, moderate, () => ({ type: 'close' }));
  command(SpeakingEvents.Clear, SpeakingRoomPayloadSchema, moderate, () => ({ type: 'clear' }));
  command(SpeakingEvents.UpdateSettings, UpdateSettingsPayloadSchema, moderate, (p) => ({
    type: 'settings',
    settings: p.settings,
  }));
}

/** Hand actions per person per 10 seconds (`Limits.maxHandActionsPer10s`). */
export const HAND_LIMIT = { limit: Limits.maxHandActionsPer10s, windowMs: 10_000 };
