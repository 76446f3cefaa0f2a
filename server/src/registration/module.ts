import express from 'express';
import type { AppModule, ModuleContext } from '../module.js';
import { mountExportRoutes } from './export-routes.js';
import { mountInvitationRoutes } from './invitation-routes.js';
import { createRegistrationLimiter, mountRegisterRoute } from './register-route.js';
import { mountReviewRoutes } from './review-routes.js';
import { mountStatusRoutes } from './status-routes.js';

/** Public registration, its review by organizers, and invitation links, under `/api`. */
export function createRegistrationModule(context: ModuleContext): AppModule {
  const router = express.Router();
  const limiter = createRegistrationLimiter(context);
  mountRegisterRoute(router, context, limiter.middleware);
  mountReviewRoutes(router, context);
  mountInvitationRoutes(router, context);
  mountStatusRoutes(router, context);
  mountExportRoutes(router, context);
  return {
    name: 'registration',
    router,
    close: () => {
      limiter.close();
      return Promise.resolve();
    },
  };
}
