import {
  ErrorCode,
  LobbyAdmitPayloadSchema,
  LobbyEvents,
  LobbyRemovePayloadSchema,
  LobbyRoomPayloadSchema,
  type ClientToServerEvents,
} from '@roundtable/shared';
import type { z } from 'zod';
import type { RoomGuard } from '../access/guard.js';
import type { SocketDoor } from '../access/socket-door.js';
import type { Logger } from '../logger.js';
import type { RoundtableSocket } from '../module.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { LobbyService } from './service.js';

export interface LobbyHandlerDeps {
  service: LobbyService;
  guard: RoomGuard;
  /** Rooms each local socket waits for, so a disconnect ends the wait. */
  waiting: Map<RoundtableSocket, Set<string>>;
  logger: Logger;
}

/** The lobby events of one socket: parse, authorize (the guard), call the service, acknowledge. */
export function registerLobbyHandlers(
  socket: RoundtableSocket,
  door: SocketDoor,
  deps: LobbyHandlerDeps,
): void {
  const { service, guard, logger } = deps;
  const personId = socket.data.personId;

  // Event names stay checked against the contract (`E`); withSchema validates the payloads.
  const listen = socket.on.bind(socket) as (
    event: string,
    listener: (payload: unknown, ack?: unknown) => void,
  ) => void;
  const on = <E extends keyof ClientToServerEvents & `lobby:${string}`, S extends z.ZodType>(
    event: E,
    schema: S,
    handler: (payload: z.infer<S>) => Promise<unknown>,
  ): void => {
    listen(event, withSchema(event, schema, handler, logger));
  };
  const moderator = async (roomId: string, action: 'lobby:admit' | 'room:remove-person') => {
    const pass = await door.enter(roomId, 'lobby:wait');
    if (!pass.may(action)) {
      throw new CommandError(ErrorCode.Forbidden, 'Only co-chairs and organizers manage the lobby.');
    }
    return pass;
  };

  on(LobbyEvents.Join, LobbyRoomPayloadSchema, async ({ roomId }) => {
    const { person, room, admission } = await door.enter(roomId, 'lobby:wait');
    if (admission === 'admitted') return { status: 'admitted' as const };
    const rooms = deps.waiting.get(socket) ?? new Set<string>();
    rooms.add(room.id);
    deps.waiting.set(socket, rooms);
    await service.wait(room, person);
    return { status: 'waiting' as const };
  });

  on(LobbyEvents.Leave, LobbyRoomPayloadSchema, async ({ roomId }) => {
    deps.waiting.get(socket)?.delete(roomId);
    await service.leave(roomId, personId);
    return null;
  });

  on(LobbyEvents.Watch, LobbyRoomPayloadSchema, async ({ roomId }) => {
    const { room } = await moderator(roomId, 'lobby:admit');
    return service.watch(socket, room.id);
  });

  on(LobbyEvents.Admit, LobbyAdmitPayloadSchema, async ({ roomId, personIds }) => {
    const { person, room } = await moderator(roomId, 'lobby:admit');
    return service.admit(room, person.actor.personId, { type: 'admit', personIds });
  });

  on(LobbyEvents.AdmitAll, LobbyRoomPayloadSchema, async ({ roomId }) => {
    const { person, room } = await moderator(roomId, 'lobby:admit');
    return service.admit(room, person.actor.personId, { type: 'admit-all' });
  });

  on(LobbyEvents.Remove, LobbyRemovePayloadSchema, async ({ roomId, personId: targetId }) => {
    const { person, room } = await moderator(roomId, 'room:remove-person');
    const target = await guard.decide(targetId, room.id, 'lobby:wait');
    if (!target.ok && !(await guard.person(targetId))) {
      throw new CommandError(ErrorCode.NotFound, 'No such person.');
    }
    if (target.ok && target.pass.may('lobby:admit')) {
      throw new CommandError(ErrorCode.Forbidden, 'Co-chairs and organizers cannot be removed from a room.');
    }
    return service.remove(room, person.actor.personId, targetId);
  });

  socket.on('disconnect', () => {
    const rooms = deps.waiting.get(socket);
    deps.waiting.delete(socket);
    for (const roomId of rooms ?? []) {
      const stillWaiting = [...deps.waiting].some(([s, r]) => s.data.personId === personId && r.has(roomId));
      if (stillWaiting) continue;
      service
        .leave(roomId, personId)
        .catch((err: unknown) => logger.error({ err, roomId }, 'lobby leave failed'));
    }
  });
}
