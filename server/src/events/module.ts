import express from 'express';
import type { AppModule, ModuleContext } from '../module.js';
import { mountDelegationRoutes } from './delegation-routes.js';
import { mountEventRoutes } from './event-routes.js';
import { mountMemberRoutes } from './member-routes.js';
import { mountPeopleRoutes } from './people-routes.js';
import { mountRoomRoutes } from './room-routes.js';
import { mountSeriesRoutes } from './series-routes.js';

/** Series, events, rooms, delegations, members, room roles and people, under `/api`. */
export function createEventsModule(context: ModuleContext): AppModule {
  const router = express.Router();
  mountSeriesRoutes(router, context);
  mountEventRoutes(router, context);
  mountRoomRoutes(router, context);
  mountDelegationRoutes(router, context);
  mountMemberRoutes(router, context);
  mountPeopleRoutes(router, context);
  return { name: 'events', router };
}
