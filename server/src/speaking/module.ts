import express from 'express';
import type { AppModule, ModuleContext } from '../module.js';
import { createHandLimiter } from './hand-limiter.js';
import { HAND_LIMIT, registerSpeakingHandlers } from './handlers.js';
import { mountSpeakingRoutes } from './routes.js';
import {
  createSpeakingService,
  type AcceptedCommand,
  type FloorChange,
  type SpeakingService,
} from './service.js';

export type { AcceptedCommand, FloorChange };

/**
 * The speaking module as other modules see it.
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

/**
 * The server-owned speaking order of every room: socket commands, state pushes, timer, stats.
 * Admission and access are the guard's (`context.guard`), re-checked on every access change.
 */
export function createSpeakingModule(context: ModuleContext): SpeakingModule {
  const service = createSpeakingService(context);
  const hands = createHandLimiter(HAND_LIMIT.limit, HAND_LIMIT.windowMs);
  const router = express.Router();
  mountSpeakingRoutes(router, context, service);

  return {
    name: 'speaking',
    router,
    service,
    registerSocket(socket, door) {
      registerSpeakingHandlers(socket, door, {
        service,
        guard: context.guard,
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
    close: () => service.close(),
  };
}
