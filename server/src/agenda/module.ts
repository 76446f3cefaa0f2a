import { EventEmitter } from 'node:events';
import { AgendaEvents, type AgendaState } from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import type { AppModule, ModuleContext } from '../module.js';
import type { Versioned } from '../room-state/store.js';
import { CurrentItemSchema, NO_CURRENT_ITEM, type CurrentItem } from './core.js';
import { agendaRoom, registerAgendaHandlers } from './handlers.js';

export const AGENDA_MODULE = 'agenda';

/** A change of the current item, as other modules hear of it (minutes note agenda items). */
export interface CurrentItemChange {
  state: AgendaState;
  /** Who made the change. */
  actorId: string;
}

/** What other modules may ask of the agenda (`context.modules.get('agenda')`). */
export interface AgendaApi {
  /** The current item of a room now, over every instance. */
  currentItem(roomId: string): Promise<AgendaState>;
  /**
   * Fires on the instance that accepted a change, once per change across instances. Handlers
   * must not throw and should do slow work asynchronously. Returns the unsubscribe function.
   */
  onCurrentItemChange(handler: (change: CurrentItemChange) => void): () => void;
}

export interface AgendaModule extends AppModule, AgendaApi {}

/**
 * The server-owned current agenda item of every room: in Redis when configured (compare-and-set)
 * or in process, every version also in `room_state` (kind `agenda`), so it survives restarts.
 */
export function createAgendaModule(context: ModuleContext): AgendaModule {
  const logger = context.logger.child({ module: AGENDA_MODULE });
  const states = context.roomStates.open(AGENDA_MODULE, CurrentItemSchema, () => NO_CURRENT_ITEM);
  const changes = new EventEmitter<{ change: [CurrentItemChange] }>();

  const toWire = (roomId: string, { state, version }: Versioned<CurrentItem>): AgendaState => ({
    roomId,
    ...state,
    version,
    serverNow: context.clock.now(),
  });

  const announce = async (eventId: string, actorId: string, state: AgendaState, action: string) => {
    context.io.to(agendaRoom(state.roomId)).emit(AgendaEvents.State, state);
    try {
      changes.emit('change', { state, actorId });
    } catch (err) {
      logger.error({ err }, 'agenda change listener failed');
    }
    try {
      await recordAudit(context.store.db, {
        eventId,
        roomId: state.roomId,
        actorId,
        action,
        targetId: state.currentItemId,
        data: { startedAt: state.startedAt, version: state.version },
      });
    } catch (err) {
      context.metrics.storeWriteFailures.inc({ kind: 'audit_log' });
      logger.error({ err, roomId: state.roomId }, 'audit write failed');
    }
  };

  return {
    name: AGENDA_MODULE,
    registerSocket(socket, door) {
      registerAgendaHandlers(socket, door, {
        modules: context.modules,
        states,
        toWire,
        announce,
        logger,
      });
    },
    async currentItem(roomId) {
      return toWire(roomId, await states.get(roomId));
    },
    onCurrentItemChange(handler) {
      changes.on('change', handler);
      return () => changes.off('change', handler);
    },
    readiness: () => states.readiness(),
    async close() {
      changes.removeAllListeners();
      await states.close();
    },
  };
}
