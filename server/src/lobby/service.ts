import { LobbyEvents, type LobbyState, type LobbyStatePush, type Room } from '@roundtable/shared';
import { openLobbyStates, type Person } from '../access/guard.js';
import { recordAudit } from '../audit/audit.js';
import type { ModuleContext, RoundtableSocket } from '../module.js';
import type { Versioned } from '../room-state/store.js';
import { applyLobbyCommand, type LobbyCommand } from './core.js';

/** Socket.IO room of the moderators watching a room's lobby. */
export const lobbyModeratorsRoom = (roomId: string): string => `lobby:${roomId}:moderators`;
/** Socket.IO room of every socket of one person (joined on connection). */
export const lobbyPersonRoom = (personId: string): string => `lobby:person:${personId}`;

export type LobbyService = ReturnType<typeof createLobbyService>;

/**
 * Admission per room, stored like the speaking order (Redis or in process, plus `room_state`).
 * The guard reads the same store to decide every entrance.
 */
export function createLobbyService(context: ModuleContext) {
  const { io, store, logger, metrics } = context;
  const states = openLobbyStates(context.roomStates);

  const push = (roomId: string, v: Versioned<LobbyState>): LobbyStatePush => ({
    roomId,
    version: v.version,
    state: v.state,
  });

  const apply = async (roomId: string, command: LobbyCommand) => {
    const outcome = await states.update(roomId, (state, now) => applyLobbyCommand(state, command, now));
    // The lobby's transition never refuses; the store only refuses when it is unavailable.
    if (!outcome.accepted) throw new Error(outcome.error.message);
    io.to(lobbyModeratorsRoom(roomId)).emit(LobbyEvents.State, push(roomId, outcome));
    return outcome;
  };

  const audit = async (room: Room, actorId: string, action: string, targetIds: string[]) => {
    try {
      await recordAudit(
        store.db,
        targetIds.map((targetId) => ({ eventId: room.eventId, roomId: room.id, actorId, action, targetId })),
      );
    } catch (err) {
      metrics.storeWriteFailures.inc({ kind: 'audit_log' });
      logger.error({ err, roomId: room.id, action }, 'audit write failed');
    }
  };

  return {
    async wait(room: Room, person: Person): Promise<void> {
      await apply(room.id, { type: 'wait', personId: person.actor.personId, name: person.name });
    },
    async leave(roomId: string, personId: string): Promise<void> {
      await apply(roomId, { type: 'leave', personId });
    },
    async watch(socket: RoundtableSocket, roomId: string): Promise<LobbyStatePush> {
      // Join before reading, so a change in between is pushed rather than missed.
      await socket.join(lobbyModeratorsRoom(roomId));
      return push(roomId, await states.get(roomId));
    },
    async admit(room: Room, actorId: string, command: LobbyCommand & { type: 'admit' | 'admit-all' }) {
      const outcome = await apply(room.id, command);
      for (const personId of outcome.result.admitted) {
        io.to(lobbyPersonRoom(personId)).emit(LobbyEvents.Admitted, { roomId: room.id });
      }
      await audit(room, actorId, 'lobby.admit', outcome.result.admitted);
      return { version: outcome.version };
    },
    /**
     * Removes someone from the room: they need admission again and their sockets are told. The
     * access-change signal makes the guard re-check, on every instance, everything they hold open
     * in the room (subscriptions, documents, media), which it closes as `removed`.
     */
    async remove(room: Room, actorId: string, personId: string) {
      const outcome = await apply(room.id, { type: 'remove', personId });
      io.in(lobbyPersonRoom(personId)).emit(LobbyEvents.Removed, { roomId: room.id });
      await context.accessChanges.notify({ personIds: [personId] });
      await audit(room, actorId, 'lobby.remove', [personId]);
      return { version: outcome.version };
    },
    readiness: () => states.readiness(),
    close: () => states.close(),
  };
}
