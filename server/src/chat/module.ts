import express from 'express';
import type { AppModule, ModuleContext } from '../module.js';
import { createHandLimiter } from '../speaking/hand-limiter.js';
import { createCooldown } from './cooldown.js';
import { roomGateOf } from './gate.js';
import { CHAT_LIMIT, registerChatHandlers } from './handlers.js';
import { mountChatRoutes } from './routes.js';
import { createChatService } from './service.js';

/**
 * The room chat: messages durable in the store in one order (the store's ids), delivered through
 * the Socket.IO adapter to every instance, rules per room in the shared room state.
 */
export function createChatModule(context: ModuleContext): AppModule {
  const gate = roomGateOf(context);
  const service = createChatService(context);
  const limiter = createHandLimiter(CHAT_LIMIT.limit, CHAT_LIMIT.windowMs);
  const cooldown = createCooldown(context.redis);
  const router = express.Router();
  mountChatRoutes(router, context);
  return {
    name: 'chat',
    router,
    registerSocket(socket) {
      registerChatHandlers(socket, {
        service,
        gate,
        store: context.store,
        limiter,
        cooldown,
        clock: context.clock,
        logger: context.logger,
      });
    },
    readiness: () => service.readiness(),
    async close() {
      gate.close();
      await service.close();
    },
  };
}
