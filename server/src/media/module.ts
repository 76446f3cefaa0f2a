import express from 'express';
import type { AppModule, ModuleContext } from '../module.js';
import { findRoom } from '../events/store.js';
import {
  currentFloorHolder,
  floorLedger,
  floorSourceOf,
  presenceSinkOf,
  type FloorChange,
  type FloorSource,
  type MediaPresenceSink,
} from './adapters.js';
import { memoryEventOnce, redisEventOnce } from './event-once.js';
import { liveKitFromConfig } from './livekit.js';
import { memoryMarksStore, redisMarksStore } from './marks-store.js';
import { createParticipantTracker } from './participants.js';
import { createPermissionSync } from './permissions.js';
import { createReconciler, type ReconcileResult } from './reconcile.js';
import { createFailureReporter } from './report.js';
import { mountMediaRoutes } from './routes.js';
import { registerMediaHandlers } from './socket.js';
import { webhookRouter } from './webhook.js';

/** The media module as other modules and tests see it. */
export interface MediaModule extends AppModule {
  readonly name: 'media';
  /** Whether LiveKit is configured on this instance. */
  readonly enabled: boolean;
  /** Follows a floor source (the speaking module's, bound at creation when it exists). */
  bindFloorSource(source: FloorSource): void;
  /** Reports media presence to `sink` (the presence module's, bound at creation when it exists). */
  bindPresenceSink(sink: MediaPresenceSink): void;
  /** One reconcile pass with LiveKit now; null when media is off. */
  reconcileNow(): Promise<ReconcileResult | null>;
  /** Resolves once every scheduled permission update has finished (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * LiveKit audio/video: join tokens, the floor wired to publish rights, co-chair mute/remove,
 * webhooks turned into media presence, and a periodic reconcile. Without LIVEKIT_* settings only
 * the status route answers (media off) and everything else in the product works as before.
 */
export function createMediaModule(context: ModuleContext): MediaModule {
  const { store, redis, logger: parentLogger, io } = context;
  const logger = parentLogger.child({ module: 'media' });
  const liveKit = liveKitFromConfig(context.config);
  const shutdown = new AbortController();
  const ledger = floorLedger(redis);
  const marks = redis ? redisMarksStore(redis) : memoryMarksStore();
  const failures = context.metrics.counter(
    'roundtable_media_livekit_failures_total',
    'LiveKit calls that failed after their retries, by operation',
    ['operation'],
  );
  const report = createFailureReporter(io, logger, (operation) => failures.inc({ operation }));

  let floorSource: FloorSource | null = null;
  let presenceSink: MediaPresenceSink | null = null;
  let unsubscribeFloor: (() => void) | null = null;
  const floorHolder = (roomId: string): Promise<string | null> =>
    currentFloorHolder(floorSource, ledger)(roomId);

  const permissions = liveKit
    ? createPermissionSync({
        liveKit,
        db: store.db,
        guard: context.guard,
        io,
        logger,
        floorHolder,
        report,
        signal: shutdown.signal,
      })
    : null;
  const tracker = createParticipantTracker({
    db: store.db,
    guard: context.guard,
    marks,
    permissions,
    clock: context.clock,
    logger,
    presence: () => presenceSink,
  });
  const reconciler = liveKit
    ? createReconciler({
        liveKit,
        db: store.db,
        redis,
        marks,
        tracker,
        clock: context.clock,
        logger,
        signal: shutdown.signal,
      })
    : null;

  const onFloorChange = async (change: FloorChange): Promise<void> => {
    await ledger.record(change.roomId, change.personId);
    const room = await findRoom(store.db, change.roomId);
    if (!permissions || !room?.mediaEnabled || room.floorMode !== 'moderated') return;
    const people = new Set(
      [change.previousPersonId, change.personId].filter((id): id is string => id !== null),
    );
    await Promise.all([...people].map((id) => permissions.sync(room.id, id, { onlyIfFloorMatters: true })));
  };

  /** Floor changes being applied; `idle` waits for them before the jobs they schedule. */
  const floorChanges = new Set<Promise<void>>();
  const idle = async (): Promise<void> => {
    while (floorChanges.size > 0) await Promise.all([...floorChanges]);
    await permissions?.idle();
  };

  /** Rooms whose media participants an access change may affect. */
  const affectedRooms = async (change: { personIds: string[]; roomIds: string[] }): Promise<string[]> => {
    const rooms = new Set(change.roomIds);
    if (change.personIds.length > 0) {
      for (const roomId of await marks.rooms()) {
        const people = await marks.read(roomId);
        if (change.personIds.some((id) => people.get(id)?.inMedia)) rooms.add(roomId);
      }
    }
    return [...rooms];
  };

  const stopAccessWatch = context.accessChanges.onChange((change) => {
    // Every instance hears the change and corrects LiveKit; the updates are idempotent and the
    // listing shows each instance what is still wrong, so a lock would save little.
    if (reconciler) {
      affectedRooms(change)
        .then((roomIds) => reconciler.reconcileRooms(roomIds))
        .catch((err: unknown) => logger.error({ err }, 'media rights not re-checked after an access change'));
    }
  });

  const router = express.Router();
  router.use(
    webhookRouter({
      liveKit,
      once: redis ? redisEventOnce(redis) : memoryEventOnce(context.clock),
      logger,
      apply: (event) => tracker.applyWebhook(event),
    }),
  );
  mountMediaRoutes(router, { context, liveKit, floorHolder });

  const module: MediaModule = {
    name: 'media',
    enabled: liveKit !== null,
    router,
    registerSocket(socket, door) {
      registerMediaHandlers(socket, door, {
        db: store.db,
        liveKit,
        logger,
        clock: context.clock,
        report,
        signal: shutdown.signal,
      });
    },
    bindFloorSource(source) {
      unsubscribeFloor?.();
      floorSource = source;
      unsubscribeFloor = source.onFloorChange((change) => {
        const handled = onFloorChange(change)
          .catch((err: unknown) =>
            logger.error({ err, roomId: change.roomId }, 'floor change not applied to media'),
          )
          .finally(() => floorChanges.delete(handled));
        floorChanges.add(handled);
      });
    },
    bindPresenceSink(sink) {
      presenceSink = sink;
    },
    reconcileNow: () => reconciler?.reconcileNow() ?? Promise.resolve(null),
    idle,
    start() {
      reconciler?.start();
      return Promise.resolve();
    },
    async close() {
      reconciler?.stop();
      unsubscribeFloor?.();
      stopAccessWatch();
      shutdown.abort();
      await idle();
    },
  };

  const speaking = floorSourceOf(context.modules.get('speaking'));
  if (speaking) module.bindFloorSource(speaking);
  else logger.warn('no speaking module: the floor does not move publish rights');
  const presence = presenceSinkOf(context.modules.get('presence'));
  if (presence) module.bindPresenceSink(presence);
  else logger.warn('no presence module: media presence is tracked but not shown');
  return module;
}
