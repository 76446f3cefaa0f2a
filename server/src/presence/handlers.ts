import {
  ErrorCode,
  PresenceEvents,
  PresenceEventPayloadSchema,
  PresenceRoomPayloadSchema,
} from '@roundtable/shared';
import { canInEvent } from '@roundtable/shared';
import { loadActor } from '../access/load-actor.js';
import { revokeReasonOf, type SocketDoor } from '../access/socket-door.js';
import { findEvent } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { RoundtableSocket } from '../module.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { Db } from '../store/db.js';
import { countsRoom, type EventCountsView } from './event-counts.js';
import { presenceRecordFor } from './record.js';
import type { PresenceService } from './service.js';

export interface PresenceHandlerDeps {
  db: Db;
  service: PresenceService;
  counts: EventCountsView;
  logger: Logger;
  now: () => number;
}

/** The presence events of one socket: parse, authorize, call the service, acknowledge. */
export function registerPresenceHandlers(
  socket: RoundtableSocket,
  door: SocketDoor,
  deps: PresenceHandlerDeps,
): void {
  const { db, service, counts, logger } = deps;
  const personId = socket.data.personId;
  const presenceKey = (roomId: string): string => `presence:${roomId}`;

  socket.on(
    PresenceEvents.Join,
    withSchema(
      PresenceEvents.Join,
      PresenceRoomPayloadSchema,
      async ({ roomId }) => {
        const pass = await door.enter(roomId, 'room:see-presence');
        const joined = await service.join(socket, roomId, await presenceRecordFor(db, pass, deps.now()));
        door.hold(presenceKey(roomId), roomId, pass, 'room:see-presence', async (refusal) => {
          await service.leave(socket, roomId);
          socket.emit(PresenceEvents.Removed, { roomId, reason: revokeReasonOf(refusal) });
        });
        return joined;
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
        door.release(presenceKey(roomId));
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
        const watched = await counts.watch(socket, actor, eventId);
        // The rule may change while they watch: each room's counts stay only while they may see it.
        for (const { roomId } of watched.rooms) {
          door.hold(`counts:${roomId}`, roomId, null, 'room:view', () => socket.leave(countsRoom(roomId)));
        }
        return watched;
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
