import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import type { Server, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@roundtable/shared';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './observability/metrics.js';
import type { RedisDeps } from './realtime/redis.js';
import type { Store } from './store/db.js';
import type { DependencyHealth } from './observability/health.js';
import type { Sessions } from './auth/sessions.js';
import type { AccessChanges } from './access/changes.js';
import type { RoomGuard } from './access/guard.js';
import type { SocketDoor } from './access/socket-door.js';
import type { RoomStates } from './room-state/registry.js';

export type RoundtableServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RoundtableSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** A source of time, so tests can move it. Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** What `createApp` receives: everything with a lifecycle is created outside and passed in. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  store: Store;
  /** Present when REDIS_URL is set: cross-instance fan-out, presence and shared state. */
  redis: RedisDeps | null;
  clock: Clock;
  /** Signing secret for sessions and websocket tokens, shared by every instance. */
  secret: Uint8Array;
  /** What the instance knows of its store and Redis; created by the app when absent. */
  health?: DependencyHealth;
  /**
   * An HTTP server already listening (the process listens before its dependencies answer); its
   * 'request' handlers are replaced by the app's. Created by the app when absent.
   */
  server?: http.Server;
}

/** What every module is built from. */
export interface ModuleContext extends AppDeps {
  health: DependencyHealth;
  io: RoundtableServer;
  metrics: Metrics;
  sessions: Sessions;
  /** Role/membership/rule/admission changes, delivered on every instance; the guard re-checks. */
  accessChanges: AccessChanges;
  /** The one door of every room: every entrance asks it, and it re-checks what is held open. */
  guard: RoomGuard;
  /** The versioned per-room states (speaking, lobby, agenda…), one store per kind. */
  roomStates: RoomStates;
  /** Origin people reach us at (links in invitations). Known once listening. */
  publicOrigin(): string;
  /** Modules built earlier, by name, for the few that depend on another. */
  modules: ReadonlyMap<string, AppModule>;
}

/**
 * One domain's contribution to the app. Handlers stay thin: parse, authorize, call the pure core,
 * emit. Shutdown closes modules in reverse order of creation.
 */
export interface AppModule {
  readonly name: string;
  /** Mounted under `/api`. */
  readonly router?: Router;
  /**
   * Called for every authenticated Socket.IO connection. `door` is the guard for this socket:
   * enter a room with it and join the room's channels through it, so access changes revoke them.
   */
  registerSocket?(socket: RoundtableSocket, door: SocketDoor): void;
  /** Handles websocket upgrades whose path starts with `path`. */
  readonly upgrade?: {
    path: string;
    handle(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  };
  start?(): Promise<void>;
  /** A reason this instance is not ready (e.g. failing writes), or null. */
  readiness?(): string | null;
  /** Facts for `/readyz` `detail` that do not make the instance unready (e.g. failing mail). */
  readinessDetail?(): Promise<Record<string, unknown>>;
  /** Stops accepting work, flushes what must be stored, releases resources. */
  close?(): Promise<void>;
}
