import type { AppModule, ModuleContext, RoundtableSocket } from '../module.js';
import { registerLobbyHandlers } from './handlers.js';
import { createLobbyService, lobbyPersonRoom } from './service.js';

/**
 * The lobby: people ask to enter, co-chairs admit or remove them. Its state is the admission the
 * guard decides every entrance with (`openLobbyStates`).
 */
export function createLobbyModule(context: ModuleContext): AppModule {
  const service = createLobbyService(context);
  const waiting = new Map<RoundtableSocket, Set<string>>();

  return {
    name: 'lobby',
    registerSocket(socket, door) {
      void socket.join(lobbyPersonRoom(socket.data.personId));
      registerLobbyHandlers(socket, door, { service, guard: context.guard, waiting, logger: context.logger });
    },
    readiness: () => service.readiness(),
    close: () => service.close(),
  };
}
