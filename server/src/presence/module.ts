import crypto from 'node:crypto';
import type { RoomPresence } from '@roundtable/shared';
import type { AppModule, ModuleContext } from '../module.js';
import { createAttendance } from './attendance.js';
import { createEventCounts } from './event-counts.js';
import { registerPresenceHandlers } from './handlers.js';
import { createMemoryPresenceBackend, createMemoryPresenceStore } from './memory-store.js';
import { createRedisPresenceStore } from './redis-store.js';
import { createPresenceService } from './service.js';

export const PRESENCE_MODULE = 'presence';

/** What other modules may ask of presence (media reports who is in the audio/video; reports read lists). */
export interface PresenceApi {
  /** Sets whether a person is in a room's audio/video, on every instance, and pushes the change. */
  setMediaPresence(roomId: string, personId: string, inMedia: boolean): Promise<void>;
  /** Who is in a room now, over every instance. */
  listRoomPresence(roomId: string): Promise<RoomPresence>;
}

export interface PresenceModule extends AppModule, PresenceApi {}

/** The presence API from `context.modules`, or null when presence is not part of this app. */
export function presenceOf(modules: ReadonlyMap<string, AppModule>): PresenceApi | null {
  const module = modules.get(PRESENCE_MODULE);
  return module && 'setMediaPresence' in module && 'listRoomPresence' in module
    ? (module as PresenceModule)
    : null;
}

/** Pushes about one room's counts to event-wide viewers at most twice a second per instance. */
const COUNTS_INTERVAL_MS = 500;

/**
 * Presence: who is in each room now, across instances. `PRESENCE_TTL_SECONDS` bounds how long the
 * entries of a crashed instance survive: its heartbeat key expires one tick earlier than that and
 * every instance sweeps once per tick, so the last sweep after the crash lands within the TTL.
 */
export function createPresenceModule(context: ModuleContext): PresenceModule {
  const { logger: parentLogger, redis, clock } = context;
  const logger = parentLogger.child({ module: PRESENCE_MODULE });
  const instanceId = crypto.randomUUID();
  const ttlMs = context.config.PRESENCE_TTL_SECONDS * 1000;
  const tickMs = Math.floor(ttlMs / 6);
  const aliveMs = ttlMs - tickMs;
  const now = () => clock.now();

  const store = redis
    ? createRedisPresenceStore({ client: redis.client, prefix: redis.prefix, instanceId, ttlMs: aliveMs })
    : createMemoryPresenceStore({ backend: createMemoryPresenceBackend(), instanceId, ttlMs: aliveMs, now });
  const attendance = createAttendance(context.store.db);
  const counts = createEventCounts({
    io: context.io,
    db: context.store.db,
    store,
    logger,
    intervalMs: COUNTS_INTERVAL_MS,
  });
  const service = createPresenceService({
    io: context.io,
    store,
    attendance,
    logger,
    now,
    onRoomChanged: (roomId) => counts.roomChanged(roomId),
  });
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  let lastHeartbeat = now();
  const tick = async (): Promise<void> => {
    if (ticking) return;
    ticking = true;
    try {
      await service.tick();
      lastHeartbeat = now();
    } catch (err) {
      logger.error({ err }, 'presence heartbeat failed');
    } finally {
      ticking = false;
    }
  };

  return {
    name: PRESENCE_MODULE,
    registerSocket(socket, door) {
      registerPresenceHandlers(socket, door, { db: context.store.db, service, counts, logger, now });
    },
    async start() {
      // Without Redis this is the only instance: intervals still open were left by a crash.
      if (!redis) await attendance.closeAllOpen();
      await tick();
      timer = setInterval(() => void tick(), tickMs);
      timer.unref();
    },
    readiness() {
      return now() - lastHeartbeat > aliveMs ? 'presence heartbeat failing' : null;
    },
    async close() {
      clearInterval(timer);
      counts.close();
      await service.close();
    },
    setMediaPresence: (roomId, personId, inMedia) => service.setMedia(roomId, personId, inMedia),
    listRoomPresence: (roomId) => service.list(roomId),
  };
}
