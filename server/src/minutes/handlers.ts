import { ErrorCode, MinutesEvents, MinutesRoomPayloadSchema } from '@roundtable/shared';
import { loadActor } from '../access/load-actor.js';
import { findRoom } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { RoundtableSocket } from '../module.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { Db } from '../store/db.js';
import { mayRead, minutesChannel, type MinutesWorkflowService } from './workflow.js';

export interface MinutesHandlerDeps {
  db: Db;
  workflow: MinutesWorkflowService;
  logger: Logger;
}

/** `minutes:watch` / `minutes:unwatch` of one socket: parse, authorize, join, acknowledge. */
export function registerMinutesHandlers(socket: RoundtableSocket, deps: MinutesHandlerDeps): void {
  const { db, workflow, logger } = deps;
  socket.on(
    MinutesEvents.Watch,
    withSchema(
      MinutesEvents.Watch,
      MinutesRoomPayloadSchema,
      async ({ roomId }) => {
        const [actor, room] = await Promise.all([loadActor(db, socket.data.personId), findRoom(db, roomId)]);
        if (!room) throw new CommandError(ErrorCode.NotFound, 'No such room.');
        const before = await workflow.read(roomId);
        if (!actor || !mayRead(actor, room, before.state)) {
          throw new CommandError(ErrorCode.Forbidden, 'You may not follow these minutes.');
        }
        // Join before reading: a transition in between is pushed too, and its version orders it.
        await socket.join(minutesChannel(roomId));
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
        await socket.leave(minutesChannel(roomId));
        return null;
      },
      logger,
    ),
  );
}
