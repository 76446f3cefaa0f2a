import type { Room } from '@roundtable/shared';
import { canInRoom } from '../access/can.js';
import type { AppModule, ModuleContext, RoundtableSocket } from '../module.js';
import { createRoomAccess, type Person } from '../speaking/room-access.js';
import { registerLobbyHandlers } from './handlers.js';
import { createLobbyService, lobbyPersonRoom } from './service.js';

/**
 * The lobby as other modules see it (`context.modules.get('lobby')`). A person is admitted to a
 * room when they moderate it, or when they were not removed from it and — where the room has a
 * lobby — a co-chair admitted them.
 */
export interface LobbyModule extends AppModule {
  readonly name: 'lobby';
  /** Whether `personId` may be in `roomId` now (false for unknown rooms and people without access). */
  isAdmitted(roomId: string, personId: string): Promise<boolean>;
  /** The same for a room and person already loaded. */
  isAdmittedIn(room: Room, person: Person): Promise<boolean>;
}

export function createLobbyModule(context: ModuleContext): LobbyModule {
  const access = createRoomAccess(context.store.db, context.clock);
  const service = createLobbyService(context);
  const waiting = new Map<RoundtableSocket, Set<string>>();
  const stopWatching = context.accessChanges.onChange((change) => access.invalidate(change));

  return {
    name: 'lobby',
    registerSocket(socket) {
      void socket.join(lobbyPersonRoom(socket.data.personId));
      registerLobbyHandlers(socket, { service, access, waiting, logger: context.logger });
    },
    async isAdmitted(roomId, personId) {
      const [room, person] = await Promise.all([access.room(roomId), access.person(personId)]);
      if (!room || !person || !canInRoom(person.actor, 'room:enter', room)) return false;
      return service.isAdmittedIn(room, person);
    },
    isAdmittedIn: (room, person) => service.isAdmittedIn(room, person),
    readiness: () => service.readiness(),
    async close() {
      stopWatching();
      await service.close();
    },
  };
}
