import type { MediaGrants, Room } from '@roundtable/shared';
import { findRoom } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { RoundtableServer } from '../module.js';
import type { RoomGuard } from '../access/guard.js';
import type { Db } from '../store/db.js';
import { floorIrrelevant, liveKitRoomName, sameGrants, toParticipantPermission } from './grants.js';
import { isNotFound, type LiveKit } from './livekit.js';
import { announcePermission, type FailureReport } from './report.js';
import { callWithRetry, DEFAULT_RETRY } from './retry.js';
import { grantsOf, loadSubject } from './subjects.js';

export interface PermissionSyncDeps {
  liveKit: LiveKit;
  db: Db;
  /** Who may be in the media room now (admission included): the rest are removed from it. */
  guard: RoomGuard;
  io: RoundtableServer;
  logger: Logger;
  floorHolder(roomId: string): Promise<string | null>;
  report(report: FailureReport): void;
  /** Aborted at shutdown: pending backoffs end at once. */
  signal: AbortSignal;
}

/** Keeps each media participant's LiveKit permission equal to what their role and the floor allow. */
export interface PermissionSync {
  /**
   * Pushes the person's full permission to LiveKit. With `onlyIfFloorMatters`, skips people whose
   * rights do not depend on the floor (co-chairs, observers, everyone in an open room).
   */
  sync(roomId: string, personId: string, options?: { onlyIfFloorMatters?: boolean }): Promise<void>;
  /**
   * Corrects a participant LiveKit reports with `current` rights: pushes the right permission when
   * it differs (a token issued just before the floor moved), removes them when they lost access.
   */
  enforce(room: Room, personId: string, current: MediaGrants): Promise<void>;
  /** Resolves when every scheduled job has finished. */
  idle(): Promise<void>;
}

export function createPermissionSync(deps: PermissionSyncDeps): PermissionSync {
  const { liveKit, db, io, logger } = deps;
  const policy = DEFAULT_RETRY;
  const serial = keyedCoalescingQueue(logger);

  const remove = async (room: Room, personId: string): Promise<void> => {
    const outcome = await callWithRetry(
      () => liveKit.rooms.removeParticipant(liveKitRoomName(room.id), personId),
      policy,
      deps.signal,
    );
    if (!outcome.ok && !isNotFound(outcome.failure)) {
      deps.report({ roomId: room.id, operation: 'remove', personId, ...outcome });
    }
  };

  const push = async (room: Room, personId: string, onlyIfFloorMatters: boolean): Promise<void> => {
    const subject = await loadSubject(deps, room, personId);
    if (!subject || !room.mediaEnabled) {
      await remove(room, personId);
      return;
    }
    if (onlyIfFloorMatters && floorIrrelevant(subject.role, room.floorMode)) return;
    const grants = grantsOf(subject, room, await deps.floorHolder(room.id));
    // A revoke shows at once (the client stops its microphone); a grant only once LiveKit took it,
    // or the client would try to publish before it may.
    if (!grants.canPublish) announcePermission(io, room.id, personId, grants);
    const outcome = await callWithRetry(
      () =>
        liveKit.rooms.updateParticipant(liveKitRoomName(room.id), personId, {
          permission: toParticipantPermission(grants),
        }),
      policy,
      deps.signal,
    );
    // not_found: they are not in the LiveKit room (yet); their next token carries these grants.
    if (outcome.ok || isNotFound(outcome.failure)) {
      if (grants.canPublish) announcePermission(io, room.id, personId, grants);
      return;
    }
    deps.report({
      roomId: room.id,
      operation: grants.canPublish ? 'grant' : 'revoke',
      personId,
      failure: outcome.failure,
      attempts: outcome.attempts,
    });
  };

  return {
    sync(roomId, personId, options = {}) {
      return serial.run(`${roomId}\u0000${personId}`, async () => {
        const room = await findRoom(db, roomId);
        if (room) await push(room, personId, options.onlyIfFloorMatters === true);
      });
    },
    enforce(room, personId, current) {
      return serial.run(`${room.id}\u0000${personId}`, async () => {
        const fresh = await findRoom(db, room.id);
        if (!fresh) return;
        const subject = await loadSubject(deps, fresh, personId);
        if (subject && fresh.mediaEnabled) {
          const wanted = grantsOf(subject, fresh, await deps.floorHolder(fresh.id));
          if (sameGrants(wanted, current)) return;
        }
        await push(fresh, personId, false);
      });
    },
    idle: () => serial.idle(),
  };
}

/**
 * Runs jobs one at a time per key, and lets a job that is still waiting stand for every request
 * made meanwhile. Each job reads the current role and floor when it starts, so the last one to run
 * pushes the latest truth: a quick give-end-give never leaves LiveKit with a stale permission.
 */
function keyedCoalescingQueue(logger: Logger) {
  const tails = new Map<string, Promise<void>>();
  const waiting = new Map<string, Promise<void>>();
  return {
    run(key: string, job: () => Promise<void>): Promise<void> {
      const queued = waiting.get(key);
      if (queued) return queued;
      const next = (tails.get(key) ?? Promise.resolve())
        .then(() => {
          waiting.delete(key);
          return job();
        })
        .catch((err: unknown) => logger.error({ err, key }, 'media permission job failed'))
        .finally(() => {
          if (tails.get(key) === next) tails.delete(key);
        });
      waiting.set(key, next);
      tails.set(key, next);
      return next;
    },
    async idle(): Promise<void> {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
