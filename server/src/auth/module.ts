import express from 'express';
import { runBootstrap } from '../bootstrap/index.js';
import type { AppModule, ModuleContext } from '../module.js';
import { mountInvitationAuthRoutes } from './invitations.js';
import { createLoginLimiter } from './rate-limit.js';
import { mountAuthRoutes } from './routes.js';
import { mountSetupRoutes } from './setup-routes.js';

/**
 * Sign-in (password, invitation link, first-run setup), sessions and websocket tokens. Its start
 * also bootstraps the store: the first organizer or a setup link, and the demo data.
 */
export function createAuthModule(context: ModuleContext): AppModule {
  const router = express.Router();
  const loginLimiter = createLoginLimiter(context.redis, context.logger);
  mountAuthRoutes(router, context, loginLimiter.middleware);
  mountInvitationAuthRoutes(router, context);
  mountSetupRoutes(router, context);
  return {
    name: 'auth',
    router,
    start: () => runBootstrap(context),
    close: () => {
      loginLimiter.close();
      return Promise.resolve();
    },
  };
}
