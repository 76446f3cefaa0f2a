import {
  AgendaAdvancePayloadSchema,
  AgendaEvents,
  AgendaRoomPayloadSchema,
  AgendaSetCurrentPayloadSchema,
  type AgendaState,
} from '@roundtable/shared';
import type { Logger } from '../logger.js';
import type { AppModule, RoundtableSocket } from '../module.js';
import type { SocketDoor } from '../access/socket-door.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { RoomStateStore, Versioned } from '../room-state/store.js';
import { applyAgendaCommand, type AgendaCommand, type CurrentItem } from './core.js';
import { readAgendaOrder } from './order.js';

/** Socket.IO room of a room's agenda subscribers. */
export const agendaRoom = (roomId: string): string => `agenda:${roomId}`;

export interface AgendaHandlerDeps {
  modules: ReadonlyMap<string, AppModule>;
  states: RoomStateStore<CurrentItem>;
  toWire: (roomId: string, versioned: Versioned<CurrentItem>) => AgendaState;
  /** Pushes an accepted change to subscribers on every instance, tells listeners, audits. */
  announce: (eventId: string, actorId: string, state: AgendaState, action: string) => Promise<void>;
  logger: Logger;
}

/** The agenda events of one socket: parse, authorize, apply the pure core, push, acknowledge. */
export function registerAgendaHandlers(
  socket: RoundtableSocket,
  door: SocketDoor,
  deps: AgendaHandlerDeps,
): void {
  const { states, toWire, logger } = deps;
  const personId = socket.data.personId;

  const runCommand = async (roomId: string, command: AgendaCommand, itemIds?: string[]) => {
    const { room } = await door.enter(roomId, 'agenda:advance');
    const order = await readAgendaOrder(deps.modules, roomId, itemIds);
    const outcome = await states.update(roomId, (state, now) => {
      const applied = applyAgendaCommand(state, command, order, now);
      return 'error' in applied ? applied : { state: applied.state, result: applied.state !== state };
    });
    if (!outcome.accepted) throw new CommandError(outcome.error.code, outcome.error.message);
    const wire = toWire(roomId, outcome);
    if (outcome.result) await deps.announce(room.eventId, personId, wire, `agenda.${command.kind}`);
    return wire;
  };

  socket.on(
    AgendaEvents.Subscribe,
    withSchema(
      AgendaEvents.Subscribe,
      AgendaRoomPayloadSchema,
      async ({ roomId }) => {
        const pass = await door.enter(roomId, 'agenda:read');
        // Join before reading: a change in between is pushed too, and its version orders it.
        await door.join(agendaRoom(roomId), pass, 'agenda:read', (reason) =>
          socket.emit(AgendaEvents.Unsubscribed, { roomId, reason }),
        );
        return toWire(roomId, await states.get(roomId));
      },
      logger,
    ),
  );

  socket.on(
    AgendaEvents.Unsubscribe,
    withSchema(
      AgendaEvents.Unsubscribe,
      AgendaRoomPayloadSchema,
      async ({ roomId }) => {
        await door.leave(agendaRoom(roomId));
        return null;
      },
      logger,
    ),
  );

  socket.on(
    AgendaEvents.SetCurrent,
    withSchema(
      AgendaEvents.SetCurrent,
      AgendaSetCurrentPayloadSchema,
      ({ roomId, itemId, itemIds }) => runCommand(roomId, { kind: 'set-current', itemId }, itemIds),
      logger,
    ),
  );

  socket.on(
    AgendaEvents.Advance,
    withSchema(
      AgendaEvents.Advance,
      AgendaAdvancePayloadSchema,
      ({ roomId, fromItemId, itemIds }) =>
        runCommand(
          roomId,
          fromItemId === undefined ? { kind: 'advance' } : { kind: 'advance', fromItemId },
          itemIds,
        ),
      logger,
    ),
  );
}
