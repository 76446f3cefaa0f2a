import {
  applySpeakingCommand,
  initialSpeakingState,
  SpeakingErrorCode,
  SpeakingEvents,
  SpeakingStateSchema,
  SYSTEM_ACTOR,
  type Room,
  type SpeakingActor,
  type SpeakingCommand,
  type SpeakingEvent,
  type SpeakingState,
  type SpeakingStatePush,
} from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import type { ModuleContext } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import { speakingRoom } from './names.js';
import { findRoom } from '../events/store.js';
import type { RoomStateStore, Versioned } from '../room-state/store.js';
import { createTurnTimers } from './timers.js';

/** A change of who holds the floor, signalled once (on the instance that accepted it). */
export interface FloorChange {
  roomId: string;
  personId: string | null;
  previousPersonId: string | null;
  turnId: string | null;
}

/** An accepted command with the version it produced: enough to replay the order exactly. */
export interface AcceptedCommand {
  roomId: string;
  version: number;
  command: SpeakingCommand;
  actor: SpeakingActor;
  at: number;
  events: SpeakingEvent[];
  state: SpeakingState;
}

/** Bytes per millisecond one instance may spend pushing one room's state before it coalesces more. */
const PUSH_BUDGET_BYTES_PER_MS = 40_000;

/**
 * Pushes of one room are coalesced per instance: the first goes at once, later ones wait this
 * long after the previous one and carry the newest state. Each push costs its size times this
 * instance's subscribers, so the wait grows with both (50 ms for a normal meeting, about a second
 * for 500 entries to 250 subscribers, at most 2 s): 500 raises within a second would otherwise send
 * 500 full lists to every client.
 */
export function broadcastIntervalMs(state: SpeakingState, subscribers: number): number {
  const bytes = 400 + state.entries.length * 300 + state.history.length * 250;
  return Math.min(2000, Math.max(50, Math.round((bytes * subscribers) / PUSH_BUDGET_BYTES_PER_MS)));
}

export type SpeakingService = ReturnType<typeof createSpeakingService>;

export function createSpeakingService(context: ModuleContext) {
  const { io, clock, logger, metrics, store } = context;
  const states: RoomStateStore<SpeakingState> = context.roomStates.open('speaking', SpeakingStateSchema, () =>
    initialSpeakingState(),
  );
  const floorListeners = new Set<(change: FloorChange) => void>();
  const acceptedListeners = new Set<(accepted: AcceptedCommand) => void>();
  const slots = new Map<
    string,
    { latest: Versioned<SpeakingState> | null; timer: NodeJS.Timeout | null; sentAt: number }
  >();

  const pushOf = (roomId: string, v: Versioned<SpeakingState>): SpeakingStatePush => ({
    roomId,
    version: v.version,
    serverNow: clock.now(),
    state: v.state,
  });

  const send = (roomId: string): void => {
    const slot = slots.get(roomId);
    if (!slot?.latest) return;
    slot.timer = null;
    slot.sentAt = Date.now();
    io.to(speakingRoom(roomId)).emit(SpeakingEvents.State, pushOf(roomId, slot.latest));
    slot.latest = null;
  };

  const scheduleBroadcast = (roomId: string, v: Versioned<SpeakingState>): void => {
    let slot = slots.get(roomId);
    if (!slot) {
      slot = { latest: null, timer: null, sentAt: 0 };
      slots.set(roomId, slot);
    }
    const latest = slot.latest && slot.latest.version > v.version ? slot.latest : v;
    slot.latest = latest;
    if (slot.timer) return;
    const subscribers = io.sockets.adapter.rooms.get(speakingRoom(roomId))?.size ?? 0;
    const wait = slot.sentAt + broadcastIntervalMs(latest.state, subscribers) - Date.now();
    if (wait <= 0) send(roomId);
    else slot.timer = setTimeout(() => send(roomId), wait);
  };

  const timers = createTurnTimers(clock, (roomId, turnId) => {
    void signalTimeUp(roomId, turnId);
  });

  const audit = async (room: Room, accepted: AcceptedCommand): Promise<void> => {
    if (accepted.actor.role !== 'moderator' && accepted.actor.role !== 'system') return;
    try {
      await recordAudit(store.db, {
        eventId: room.eventId,
        roomId: room.id,
        actorId: accepted.actor.role === 'system' ? null : accepted.actor.personId,
        action: `speaking.${accepted.command.type}`,
        targetId: auditTargetOf(accepted),
        data: { command: auditedCommand(accepted.command), version: accepted.version },
        at: new Date(accepted.at).toISOString(),
      });
    } catch (err) {
      metrics.storeWriteFailures.inc({ kind: 'audit_log' });
      logger.error({ err, roomId: room.id, action: accepted.command.type }, 'audit write failed');
    }
  };

  const notify = <T>(listeners: Set<(value: T) => void>, value: T): void => {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (err) {
        logger.error({ err }, 'speaking listener failed');
      }
    }
  };

  /** Applies a command as `actor`; throws a `CommandError` with the core's refusal. */
  async function execute(
    room: Room,
    command: SpeakingCommand,
    actor: SpeakingActor,
  ): Promise<AcceptedCommand> {
    const outcome = await states.update(room.id, (state, now) => {
      const result = applySpeakingCommand(state, command, actor, now);
      return 'error' in result ? result : { state: result.state, result: result.events };
    });
    if (!outcome.accepted) throw new CommandError(outcome.error.code, outcome.error.message);
    const accepted: AcceptedCommand = {
      roomId: room.id,
      version: outcome.version,
      command,
      actor,
      at: outcome.at,
      events: outcome.result,
      state: outcome.state,
    };
    scheduleBroadcast(room.id, { state: outcome.state, version: outcome.version });
    timers.arm(room.id, outcome.state.floor);
    for (const event of accepted.events) {
      if (event.type === 'floor-changed') {
        const { turnId, personId, previousPersonId } = event;
        notify(floorListeners, { roomId: room.id, personId, previousPersonId, turnId });
      } else if (event.type === 'time-up') {
        const signal = { roomId: room.id, turnId: event.turnId, personId: event.personId, at: accepted.at };
        io.to(speakingRoom(room.id)).emit(SpeakingEvents.TimeUp, signal);
      }
    }
    await audit(room, accepted);
    notify(acceptedListeners, accepted);
    return accepted;
  }

  async function signalTimeUp(roomId: string, turnId: string): Promise<void> {
    try {
      const room = await findRoom(store.db, roomId);
      if (!room) return;
      await execute(room, { type: 'time-up', turnId }, SYSTEM_ACTOR);
    } catch (err) {
      if (err instanceof CommandError && err.code === SpeakingErrorCode.TimeNotUp) {
        // This instance's clock is behind the one that set the deadline: look again shortly.
        const current = await states.get(roomId).catch(() => null);
        timers.arm(roomId, current?.state.floor ?? null, 25);
      } else if (!(err instanceof CommandError)) {
        logger.error({ err, roomId, turnId }, 'time-up signal failed');
      }
    }
  }

  /** The current state; arms this instance's timer too, so a restarted server still signals. */
  async function current(roomId: string): Promise<Versioned<SpeakingState>> {
    const v = await states.get(roomId);
    timers.arm(roomId, v.state.floor);
    return v;
  }

  /** Arms timers for every stored floor, so a turn's time-up fires even if no client returns. */
  async function armStoredTimers(): Promise<void> {
    for (const { roomId, state } of await states.stored()) {
      if (state.floor) timers.arm(roomId, state.floor);
    }
  }

  return {
    execute,
    current,
    armStoredTimers,
    pushOf,
    onFloorChange(handler: (change: FloorChange) => void): () => void {
      floorListeners.add(handler);
      return () => floorListeners.delete(handler);
    },
    onAccepted(handler: (accepted: AcceptedCommand) => void): () => void {
      acceptedListeners.add(handler);
      return () => acceptedListeners.delete(handler);
    },
    readiness: () => states.readiness(),
    async close(): Promise<void> {
      timers.close();
      await states.close();
      for (const [roomId, slot] of slots) {
        if (slot.timer) {
          clearTimeout(slot.timer);
          send(roomId);
        }
      }
      slots.clear();
    },
  };
}

/** Whom a moderation action is about, for the audit log. */
function auditTargetOf(accepted: AcceptedCommand): string | null {
  for (const event of accepted.events) {
    switch (event.type) {
      case 'entry-added':
      case 'entry-removed':
      case 'entry-moved':
        return event.entry.personId;
      case 'floor-changed':
        return event.personId ?? event.previousPersonId;
      case 'turn-ended':
        return event.turn.personId;
      case 'time-up':
        return event.personId;
      default:
        break;
    }
  }
  return accepted.state.floor?.personId ?? null;
}

/** The command as logged: the speaker of `add` by id only. */
function auditedCommand(command: SpeakingCommand): Record<string, unknown> {
  return command.type === 'add'
    ? { type: 'add', personId: command.speaker.personId, kind: command.kind }
    : command;
}
