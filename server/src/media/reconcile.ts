import crypto from 'node:crypto';
import { findRoom } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../module.js';
import type { RedisDeps } from '../realtime/redis.js';
import type { Db } from '../store/db.js';
import { liveKitRoomName, roomIdOfLiveKitRoom } from './grants.js';
import { isNotFound, type LiveKit } from './livekit.js';
import type { MarksStore } from './marks-store.js';
import { isPerson, type ParticipantTracker } from './participants.js';
import { callWithRetry, type RetryPolicy } from './retry.js';

/** How often one instance compares our marks with LiveKit's own list. */
export const RECONCILE_INTERVAL_MS = 60_000;
/** Marks of people gone longer than this are dropped (late events older than it are moot). */
const FORGET_AFTER_MS = 60 * 60_000;
/** A listing is cheap; one retry covers a blip, the next round covers the rest. */
const LISTING_RETRY: RetryPolicy = { attempts: 2, baseDelayMs: 250, maxDelayMs: 250 };

export interface ReconcileDeps {
  liveKit: LiveKit;
  db: Db;
  redis: RedisDeps | null;
  marks: MarksStore;
  tracker: ParticipantTracker;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  intervalMs?: number;
}

export interface ReconcileResult {
  rooms: number;
  /** People whose presence flipped because LiveKit's list disagreed with the webhooks. */
  corrected: number;
}

export interface Reconciler {
  /** One full pass now, on this instance, without the cross-instance lock. */
  reconcileNow(): Promise<ReconcileResult>;
  /** One pass if this instance takes this interval's turn; false when another instance has it. */
  reconcileIfTurn(): Promise<boolean>;
  /** A pass over some rooms only (their rules or people's roles changed). */
  reconcileRooms(roomIds: Iterable<string>): Promise<ReconcileResult>;
  start(): void;
  stop(): void;
}

/**
 * Webhooks can be lost, late or unpaired; LiveKit's participant list is the truth. Every interval
 * one instance (the one that takes the Redis lock) lists the rooms that have media marks or
 * LiveKit participants, marks the listed people in and the missing ones out, and corrects their
 * permissions.
 */
export function createReconciler(deps: ReconcileDeps): Reconciler {
  const { liveKit, db, marks, tracker, logger } = deps;
  const intervalMs = deps.intervalMs ?? RECONCILE_INTERVAL_MS;
  const lockOwner = crypto.randomUUID();
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const reconcileRoom = async (roomId: string, now: number): Promise<number> => {
    const room = await findRoom(db, roomId);
    const listing = room
      ? await callWithRetry(
          () => liveKit.rooms.listParticipants(liveKitRoomName(roomId)),
          LISTING_RETRY,
          deps.signal,
        )
      : ({ ok: true, value: [], attempts: 1 } as const);
    if (!listing.ok && !isNotFound(listing.failure)) {
      logger.warn(
        { roomId, failure: listing.failure },
        'could not list media participants; next round retries',
      );
      return 0;
    }
    const listed = (listing.ok ? listing.value : []).filter(isPerson);
    // LiveKit stamps events in whole seconds: an observation at 12.7 s must not make a leave
    // stamped 12 s (which may well have happened after it) look stale.
    const at = Math.floor(now / 1000) * 1000;
    const before = await marks.read(roomId);
    let corrected = 0;
    for (const participant of listed) {
      if (await tracker.mark(roomId, participant.identity, { kind: 'active', sid: participant.sid, at })) {
        corrected += 1;
      }
      if (room) await tracker.enforce(room, participant);
    }
    const listedIds = new Set(listed.map((p) => p.identity));
    for (const [personId, mark] of before) {
      if (mark.inMedia && !listedIds.has(personId)) {
        if (await tracker.mark(roomId, personId, { kind: 'left', sid: mark.sid, at })) corrected += 1;
      }
    }
    await marks.prune(roomId, now - FORGET_AFTER_MS);
    return corrected;
  };

  const reconcileNow = async (): Promise<ReconcileResult> => {
    const now = deps.clock.now();
    const roomIds = new Set(await marks.rooms());
    const active = await callWithRetry(() => liveKit.rooms.listRooms(), LISTING_RETRY, deps.signal);
    if (active.ok) {
      for (const lkRoom of active.value) {
        const roomId = roomIdOfLiveKitRoom(lkRoom.name);
        if (roomId) roomIds.add(roomId);
      }
    } else {
      logger.warn({ failure: active.failure }, 'could not list LiveKit rooms; reconciling known rooms only');
    }
    let corrected = 0;
    for (const roomId of roomIds) {
      if (deps.signal.aborted) break;
      corrected += await reconcileRoom(roomId, now);
    }
    if (corrected > 0) logger.info({ corrected }, 'media presence corrected from LiveKit');
    return { rooms: roomIds.size, corrected };
  };

  /** One instance per interval: the lock expires just before the next round is due. */
  const takeTurn = async (): Promise<boolean> => {
    if (!deps.redis) return true;
    const taken = await deps.redis.client.set(`${deps.redis.prefix}media:reconcile-lock`, lockOwner, {
      NX: true,
      PX: Math.max(1000, intervalMs - 1000),
    });
    return taken === 'OK';
  };

  const reconcileIfTurn = async (): Promise<boolean> => {
    if (!(await takeTurn())) return false;
    await reconcileNow();
    return true;
  };

  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await reconcileIfTurn();
    } catch (err) {
      logger.error({ err }, 'media reconcile failed');
    } finally {
      running = false;
    }
  };

  return {
    reconcileNow,
    reconcileIfTurn,
    async reconcileRooms(roomIds) {
      const now = deps.clock.now();
      const unique = new Set(roomIds);
      let corrected = 0;
      for (const roomId of unique) corrected += await reconcileRoom(roomId, now);
      return { rooms: unique.size, corrected };
    },
    start() {
      timer ??= setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
