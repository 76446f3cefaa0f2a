import { floorDeadline, type Floor } from '@roundtable/shared';
import type { Clock } from '../module.js';

/** setTimeout's ceiling (about 24.8 days); a later deadline is re-armed when the timer fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One pending time-up timer per room on this instance. Several instances may arm the same turn:
 * the time-up command is accepted once per deadline, so only one of them signals.
 */
export interface TurnTimers {
  /** Arms (or re-arms) for the floor's deadline; disarms for no floor, no limit, paused or signalled. */
  arm(roomId: string, floor: Floor | null, minDelayMs?: number): void;
  close(): void;
}

export function createTurnTimers(clock: Clock, onDue: (roomId: string, turnId: string) => void): TurnTimers {
  const timers = new Map<string, { turnId: string; deadline: number; handle: NodeJS.Timeout }>();
  return {
    arm(roomId, floor, minDelayMs = 0) {
      const deadline = floor && floor.timeUpAt === null ? floorDeadline(floor) : null;
      const existing = timers.get(roomId);
      if (existing && floor && existing.turnId === floor.turnId && existing.deadline === deadline) return;
      if (existing) clearTimeout(existing.handle);
      timers.delete(roomId);
      if (!floor || deadline === null) return;
      const delay = Math.min(Math.max(minDelayMs, deadline - clock.now()), MAX_DELAY_MS);
      const handle = setTimeout(() => {
        timers.delete(roomId);
        onDue(roomId, floor.turnId);
      }, delay);
      handle.unref();
      timers.set(roomId, { turnId: floor.turnId, deadline, handle });
    },
    close() {
      for (const { handle } of timers.values()) clearTimeout(handle);
      timers.clear();
    },
  };
}
