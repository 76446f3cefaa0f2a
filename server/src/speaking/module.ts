import express from 'express';
import { SpeakingEvents, type Room } from '@roundtable/shared';
import { canInRoom } from '../access/can.js';
import type { AppModule, ModuleContext, RoundtableSocket } from '../module.js';
import { createHandLimiter } from './hand-limiter.js';
import { HAND_LIMIT, registerSpeakingHandlers } from './handlers.js';
import { speakingRoom } from './names.js';
import { createRoomAccess, type Person } from './room-access.js';
import { mountSpeakingRoutes } from './routes.js';
import {
  createSpeakingService,
  type AcceptedCommand,
  type FloorChange,
  type SpeakingService,
} from './service.js';

export type { AcceptedCommand, FloorChange };

/** What the lobby module offers the speaking order (read through `context.modules`). */
interface AdmissionSource {
  isAdmittedIn(room: Room, person: Person): Promise<boolean>;
}

function admissionSourceOf(module: AppModule | undefined): AdmissionSource | null {
  return module && typeof (module as Partial<AdmissionSource>).isAdmittedIn === 'function'
    ? (module as AppModule & AdmissionSource)
    : null;
}

/**
 * The speaking module as other modules see it (`context.modules.get('speaking')`).
 *
 * `onFloorChange` fires on the instance that accepted the change, exactly once per change across
 * instances (each accepted version is accepted by one instance only): `personId` holds the floor
 * now (null when nobody), `previousPersonId` held it before, `turnId` names the new turn (null
 * when the floor was left empty). Handlers run synchronously after the change is stored; they
 * must not throw (errors are logged) and should do slow work asynchronously.
 */
export interface SpeakingModule extends AppModule {
  readonly name: 'speaking';
  onFloorChange(handler: (change: FloorChange) => void): () => void;
  /** Who holds the floor of a room now. */
  floorHolder(roomId: string): Promise<string | null>;
  /** Every command accepted on this instance, with its version (tests replay them). */
  onAccepted(handler: (accepted: AcceptedCommand) => void): () => void;
  readonly service: SpeakingService;
}

/** The server-owned speaking order of every room: socket commands, state pushes, timer, stats. */
export function createSpeakingModule(context: ModuleContext): SpeakingModule {
  const access = createRoomAccess(context.store.db, context.clock);
  const service = createSpeakingService(context, access);
  const lobby = admissionSourceOf(context.modules.get('lobby'));
  const isAdmitted = (room: Room, person: Person) =>
    lobby ? lobby.isAdmittedIn(room, person) : Promise.resolve(true);
  const subscriptions = new Map<RoundtableSocket, Set<string>>();
  const hands = createHandLimiter(HAND_LIMIT.limit, HAND_LIMIT.windowMs);
  const router = express.Router();
  mountSpeakingRoutes(router, context, service);

  // Access changed somewhere (any instance): re-check this instance's subscribers it concerns.
  const recheck = async (socket: RoundtableSocket, roomId: string): Promise<void> => {
    const [person, room] = await Promise.all([access.person(socket.data.personId), access.room(roomId)]);
    const allowed = person !== null && room !== null && canInRoom(person.actor, 'room:enter', room);
    if (allowed && room && person && (await isAdmitted(room, person))) return;
    await socket.leave(speakingRoom(roomId));
    subscriptions.get(socket)?.delete(roomId);
    socket.emit(SpeakingEvents.Unsubscribed, { roomId, reason: allowed ? 'removed' : 'access_changed' });
  };
  const stopWatching = context.accessChanges.onChange((change) => {
    access.invalidate(change);
    const people = new Set(change.personIds);
    const rooms = new Set(change.roomIds);
    for (const [socket, subscribed] of subscriptions) {
      for (const roomId of subscribed) {
        if (!people.has(socket.data.personId) && !rooms.has(roomId)) continue;
        recheck(socket, roomId).catch((err: unknown) =>
          context.logger.error({ err, roomId }, 'speaking subscription re-check failed'),
        );
      }
    }
  });

  return {
    name: 'speaking',
    router,
    service,
    registerSocket(socket) {
      registerSpeakingHandlers(socket, {
        service,
        access,
        isAdmitted,
        subscriptions,
        hands,
        clock: context.clock,
        logger: context.logger,
      });
    },
    onFloorChange: (handler) => service.onFloorChange(handler),
    onAccepted: (handler) => service.onAccepted(handler),
    floorHolder: async (roomId) => (await service.current(roomId)).state.floor?.personId ?? null,
    start: () => service.armStoredTimers(),
    readiness: () => service.readiness(),
    async close() {
      stopWatching();
      await service.close();
    },
  };
}
