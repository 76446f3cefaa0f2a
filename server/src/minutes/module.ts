import express from 'express';
import { getCollabModule } from '../collab/module.js';
import type { AppModule, ModuleContext } from '../module.js';
import { presenceOf } from '../presence/module.js';
import { mountAttendanceRoutes } from './attendance-routes.js';
import type { AttendanceSources } from './attendance.js';
import { registerMinutesHandlers } from './handlers.js';
import { mountMinutesRoutes } from './routes.js';
import { mountMinutesVersionRoutes } from './version-routes.js';
import { createMinutesWorkflow, type MinutesWorkflowService } from './workflow.js';

export const MINUTES_MODULE = 'minutes';

/** What other modules (reports) may ask of the minutes. */
export interface MinutesModule extends AppModule {
  readonly name: typeof MINUTES_MODULE;
  readonly workflow: MinutesWorkflowService;
  readonly attendance: AttendanceSources;
}

export function minutesOf(modules: ReadonlyMap<string, AppModule>): MinutesModule | null {
  const module = modules.get(MINUTES_MODULE);
  return module && 'workflow' in module ? (module as MinutesModule) : null;
}

/**
 * The minutes after writing: template from the agenda, writing aids, versions, the approval
 * workflow (which makes the document read-only through the collab module) and attendance.
 */
export function createMinutesModule(context: ModuleContext): MinutesModule {
  const collab = getCollabModule(context.modules);
  if (!collab) throw new Error('The minutes module needs the collab module (create it first).');
  const logger = context.logger.child({ module: MINUTES_MODULE });
  const db = context.store.db;
  const now = (): number => context.clock.now();
  // Presence is looked up at call time: tests may build apps without it.
  const attendance: AttendanceSources = {
    db,
    get presence() {
      return presenceOf(context.modules);
    },
  };
  const workflow = createMinutesWorkflow({
    store: context.store,
    io: context.io,
    collab,
    attendance,
    logger,
    mail: { origin: () => context.publicOrigin(), from: context.config.MAIL_FROM },
    now,
  });
  const router = express.Router();
  mountMinutesRoutes(router, context, workflow, { db, collab, now });
  mountMinutesVersionRoutes(router, context, workflow, { db, collab });
  mountAttendanceRoutes(router, context, workflow, attendance);

  return {
    name: MINUTES_MODULE,
    router,
    workflow,
    attendance,
    registerSocket(socket, door) {
      registerMinutesHandlers(socket, door, { workflow, logger });
    },
  };
}
