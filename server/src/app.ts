import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { Server } from 'socket.io';
import { Limits, PROTOCOL_VERSION, SocketAuthSchema } from '@roundtable/shared';
import { createAccessChanges } from './access/changes.js';
import { createRoomGuard } from './access/guard.js';
import { createSocketDoor } from './access/socket-door.js';
import { createSessions } from './auth/sessions.js';
import { verifyWsToken } from './auth/tokens.js';
import { publicOrigin as configuredOrigin } from './config.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { originCheck } from './http/origin.js';
import { metricsGuard, securityHeaders } from './http/security.js';
import type { AppDeps, AppModule, ModuleContext, RoundtableServer } from './module.js';
import { Registry } from 'prom-client';
import { DependencyHealth } from './observability/health.js';
import { createMetrics } from './observability/metrics.js';
import { areMinutesPublished } from './minutes/workflow-store.js';
import { MODULE_FACTORIES } from './modules.js';
import { createRoomStates } from './room-state/registry.js';

export interface App {
  readonly server: http.Server;
  readonly express: Express;
  readonly io: RoundtableServer;
  readonly context: ModuleContext;
  /** Listens and resolves with the bound port (pass 0 for any free port). */
  listen(port: number, host?: string): Promise<number>;
  /** Closes in order: stop accepting, close modules (flushing documents), sockets, HTTP. */
  close(): Promise<void>;
}

/**
 * The one composition root. Everything with a lifecycle (store, Redis, clock) comes in through
 * `deps`; tests pass real or in-memory ones and get the same wiring as production.
 */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const metrics = createMetrics();
  const health =
    deps.health ??
    new DependencyHealth({ logger, now: () => deps.clock.now() }, { redis: Boolean(deps.redis) });
  if (!deps.health) {
    health.attachStore(deps.store);
    if (deps.redis) health.attachRedis(deps.redis);
  }
  const sessions = createSessions(deps.store, () => deps.clock.now());
  const accessChanges = await createAccessChanges(deps.redis, logger);
  const roomStates = createRoomStates({ ...deps, metrics });
  // Created before any module: its access-change listener must drop stale caches before theirs run.
  const guard = createRoomGuard({
    db: deps.store.db,
    sessions,
    accessChanges,
    roomStates,
    clock: deps.clock,
    logger,
    minutesPublished: (roomId) => areMinutesPublished(deps.store.db, roomId),
  });
  const app = express();
  const server = deps.server ?? http.createServer();
  let boundPort = server.listening ? (server.address() as AddressInfo).port : config.PORT;

  const io: RoundtableServer = new Server(server, {
    maxHttpBufferSize: Limits.maxSocketPayloadBytes,
    serveClient: false,
    cors: { origin: false },
  });
  if (deps.redis) {
    io.adapter(
      createAdapter(deps.redis.client, deps.redis.subscriber, { key: `${deps.redis.prefix}socket.io` }),
    );
  }

  const modules = new Map<string, AppModule>();
  const context: ModuleContext = {
    ...deps,
    health,
    io,
    metrics,
    sessions,
    accessChanges,
    guard,
    roomStates,
    publicOrigin: () => configuredOrigin(config, boundPort),
    modules,
  };
  for (const factory of MODULE_FACTORIES) {
    const module = await factory(context);
    modules.set(module.name, module);
  }

  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(securityHeaders(config, () => context.publicOrigin()));
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'debug'),
    }),
  );
  app.use((req, res, next) => {
    res.on('finish', () => {
      metrics.httpRequests.inc({ method: req.method, status: String(res.statusCode) });
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const problems = await health.check();
    for (const module of modules.values()) {
      const problem = module.readiness?.();
      if (problem) problems.push(`${module.name}: ${problem}`);
    }
    const detail: Record<string, unknown> = {};
    for (const module of modules.values()) {
      if (!module.readinessDetail) continue;
      // Bounded: a hung store must not hang the probe (the store's own check reports it).
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 2000 ms')), 2000);
      });
      detail[module.name] = await Promise.race([module.readinessDetail(), late])
        .catch((err: unknown) => ({ error: String(err) }))
        .finally(() => clearTimeout(timer));
    }
    res
      .status(problems.length ? 503 : 200)
      .json({ status: problems.length ? 'unready' : 'ready', problems, detail });
  });
  app.get('/metrics', metricsGuard(config), async (_req, res) => {
    // Merged per scrape: a registry merged at start-up would miss what modules register later.
    const metricsOutput = Registry.merge([metrics.registry, health.registry]);
    res.type(metricsOutput.contentType).send(await metricsOutput.metrics());
  });

  const api = express.Router();
  api.use(express.json({ limit: Limits.maxJsonBodyBytes }));
  api.use(cookieParser());
  api.use(originCheck(() => [context.publicOrigin()]));
  for (const module of modules.values()) {
    if (module.router) api.use(module.router);
  }
  api.use(notFoundHandler);
  app.use('/api', api);

  const clientDist = config.CLIENT_DIST ?? path.resolve(import.meta.dirname, '../../client/dist');
  if (fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // The client routes on its own: every other GET gets the app shell.
    app.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  io.use((socket, next) => {
    void authenticateSocket(socket, next);
  });
  const authenticateSocket = async (
    socket: Parameters<Parameters<RoundtableServer['use']>[0]>[0],
    next: (err?: Error) => void,
  ): Promise<void> => {
    const auth = SocketAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated' } }));
      return;
    }
    if (auth.data.protocol !== PROTOCOL_VERSION) {
      next(Object.assign(new Error('protocol_mismatch'), { data: { code: 'protocol_mismatch' } }));
      return;
    }
    const claims = await verifyWsToken(deps.secret, auth.data.token, deps.clock.now());
    if (!claims) {
      next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated' } }));
      return;
    }
    socket.data = { personId: claims.sub, name: claims.name, isOrganizer: claims.org };
    next();
  };
  io.on('connection', (socket) => {
    metrics.socketConnections.inc();
    socket.on('disconnect', () => metrics.socketConnections.dec());
    socket.on('clock:ping', (_payload: unknown, ack: unknown) => {
      if (typeof ack === 'function')
        (ack as (a: unknown) => void)({ ok: true, data: { serverNow: deps.clock.now() } });
    });
    const door = createSocketDoor(guard, socket);
    for (const module of modules.values()) module.registerSocket?.(socket, door);
  });

  // Upgrades are routed by path; Socket.IO registers its own listener for /socket.io.
  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname.startsWith('/socket.io')) return;
    for (const module of modules.values()) {
      if (module.upgrade && pathname.startsWith(module.upgrade.path)) {
        module.upgrade.handle(req, socket, head);
        return;
      }
    }
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  for (const module of modules.values()) await module.start?.();
  // A server listening since start-up answered with its own start-up handler until now.
  server.removeAllListeners('request');
  server.on('request', app);

  let closing: Promise<void> | null = null;
  return {
    server,
    express: app,
    io,
    context,
    listen(port, host = config.HOST) {
      if (server.listening) return Promise.resolve(boundPort);
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          boundPort = (server.address() as AddressInfo).port;
          resolve(boundPort);
        });
      });
    },
    close() {
      closing ??= (async () => {
        server.close();
        for (const module of [...modules.values()].reverse()) {
          try {
            await module.close?.();
          } catch (err) {
            logger.error({ err, module: module.name }, 'module close failed');
          }
        }
        guard.close();
        await roomStates.close();
        await accessChanges.close();
        await io.close();
        server.closeAllConnections();
        if (!deps.health) health.close();
      })();
      return closing;
    },
  };
}
