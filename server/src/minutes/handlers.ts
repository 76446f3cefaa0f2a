import { MinutesEvents, MinutesRoomPayloadSchema } from '@roundtable/shared';
import type { SocketDoor } from '../access/socket-door.js';
import type { Logger } from '../logger.js';
import type { RoundtableSocket } from '../module.js';
import { withSchema } from '../realtime/with-schema.js';
import { minutesChannel, type MinutesWorkflowService } from './workflow.js';

export interface MinutesHandlerDeps {
  workflow: MinutesWorkflowService;
  logger: Logger;
}

/** `minutes:watch` / `minutes:unwatch` of one socket: parse, authorize, join, acknowledge. */
export function registerMinutesHandlers(
  socket: RoundtableSocket,
  door: SocketDoor,
  deps: MinutesHandlerDeps,
): void {
  const { workflow, logger } = deps;
  socket.on(
    MinutesEvents.Watch,
    withSchema(
      MinutesEvents.Watch,
      MinutesRoomPayloadSchema,
      async ({ roomId }) => {
        const pass = await door.enter(roomId, 'minutes:read');
        // Join before reading: a transition in between is pushed too, and its version orders it.
        await door.join(minutesChannel(roomId), pass, 'minutes:read', (reason) =>
          socket.emit(MinutesEvents.Unwatched, { roomId, reason }),
        );
        return workflow.toWire(roomId, await workflow.read(roomId));
      },
      logger,
    ),
  );
  socket.on(
    MinutesEvents.Unwatch,
    withSchema(
      MinutesEvents.Unwatch,
      MinutesRoomPayloadSchema,
      async ({ roomId }) => {
        await door.leave(minutesChannel(roomId));
        return null;
      },
      logger,
    ),
  );
}
