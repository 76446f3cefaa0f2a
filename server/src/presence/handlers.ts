import {
  ErrorCode,
  PresenceEvents,
  PresenceEventPayloadSchema,
  PresenceRoomPayloadSchema,
} from '@roundtable/shared';
import { canInEvent, canInRoom } from '../access/can.js';
import { loadActor } from '../access/load-actor.js';
import { findEvent } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { RoundtableSocket } from '../module.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { Db } from '../store/db.js';
import { authorizeRoomCommand, presenceRecordFor } from './access.js';
import type { EventCountsView } from './event-counts.js';
import type { PresenceService } from './service.js';

export interface PresenceHandlerDeps {
  db: Db;
  service: PresenceService;
  counts: EventCountsView;
  logger: Logger;
  now: () => number;
}

/** The presence events of one socket: parse, authorize, call the service, acknowledge. */
export function registerPresenceHandlers(socket: RoundtableSocket, deps: PresenceHandlerDeps): void {
  const { db, service, counts, logger } = deps;
  const personId = socket.data.personId;

  socket.on(
    PresenceEvents.Join,
    withSchema(
      PresenceEvents.Join,
      PresenceRoomPayloadSchema,
      async ({ roomId }) => {
        const { actor, room } = await authorizeRoomCommand(db, personId, roomId, 'room:enter');
        if (!canInRoom(actor, 'room:see-presence', room)) {
          throw new CommandError(ErrorCode.Forbidden, 'You may not see who is in this room.');
        }
        return service.join(socket, roomId, await presenceRecordFor(db, actor, room, deps.now()));
      },
      logger,
    ),
  );

  socket.on(
    PresenceEvents.Leave,
    withSchema(
      PresenceEvents.Leave,
      PresenceRoomPayloadSchema,
      async ({ roomId }) => {
        await service.leave(socket, roomId);
        return null;
      },
      logger,
    ),
  );

  socket.on(
    PresenceEvents.WatchEvent,
    withSchema(
      PresenceEvents.WatchEvent,
      PresenceEventPayloadSchema,
      async ({ eventId }) => {
        const [actor, event] = await Promise.all([loadActor(db, personId), findEvent(db, eventId)]);
        if (!event) throw new CommandError(ErrorCode.NotFound, 'No such event.');
        if (!actor || !canInEvent(actor, 'event:see-presence', eventId)) {
          throw new CommandError(ErrorCode.Forbidden, 'You may not see presence in this event.');
        }
        return counts.watch(socket, actor, eventId);
      },
      logger,
    ),
  );

  socket.on(
    PresenceEvents.UnwatchEvent,
    withSchema(
      PresenceEvents.UnwatchEvent,
      PresenceEventPayloadSchema,
      async ({ eventId }) => {
        await counts.unwatch(socket, eventId);
        return null;
      },
      logger,
    ),
  );

  socket.on('disconnect', () => {
    service.disconnect(socket).catch((err: unknown) => logger.error({ err }, 'presence cleanup failed'));
  });
}
