import { Counter, Gauge, Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import type { RedisDeps } from '../realtime/redis.js';
import { isRedisReady } from '../realtime/redis.js';
import type { Store } from '../store/db.js';

/** The dependencies an instance cannot serve without. */
export type Dependency = 'store' | 'redis';

/** One dependency as last seen: up, or down since `since` for `reason`. */
export interface DependencyState {
  up: boolean;
  since: number;
  reason: string | null;
}

export interface HealthOptions {
  logger: Logger;
  now(): number;
  /** Period of the background store probe. */
  probeEveryMs?: number;
  /** A store ping slower than this counts as a failure. */
  probeTimeoutMs?: number;
}

const DEFAULT_PROBE_EVERY_MS = 1_000;
const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

/**
 * What this instance knows about its dependencies, for `/readyz` and the metrics. The store is
 * probed in the background (and on demand by `/readyz`); Redis is followed through its clients'
 * connection events. Either may be attached after creation: the server listens before it has
 * opened the store or reached Redis, and reports them as down until then.
 */
export class DependencyHealth {
  /** Its own metrics registry: it exists before the app (and its registry) does. */
  readonly registry = new Registry();
  private readonly states = new Map<Dependency, DependencyState>();
  private store: Store | null = null;
  private redis: RedisDeps | null = null;
  private probe: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly accountedUntil = new Map<Dependency, number>();
  private readonly up: Gauge;
  private readonly unreadySeconds: Counter;

  constructor(
    private readonly options: HealthOptions,
    expected: { redis: boolean },
  ) {
    const now = options.now();
    this.states.set('store', { up: false, since: now, reason: 'not opened yet' });
    if (expected.redis) this.states.set('redis', { up: false, since: now, reason: 'not connected yet' });
    this.up = new Gauge({
      name: 'roundtable_dependency_up',
      help: '1 while this instance reaches the dependency, 0 while it does not',
      labelNames: ['dependency'],
      registers: [this.registry],
      collect: () => {
        for (const [name, state] of this.states) this.up.set({ dependency: name }, state.up ? 1 : 0);
      },
    });
    this.unreadySeconds = new Counter({
      name: 'roundtable_dependency_unready_seconds_total',
      help: 'Seconds this instance was not ready because the dependency was unreachable',
      labelNames: ['dependency'],
      registers: [this.registry],
      collect: () => this.account(),
    });
    for (const name of this.states.keys()) this.unreadySeconds.inc({ dependency: name }, 0);
  }

  /** Starts probing `store` (call once it is open). */
  attachStore(store: Store): void {
    this.store = store;
    void this.check();
    const every = this.options.probeEveryMs ?? DEFAULT_PROBE_EVERY_MS;
    this.timer ??= setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  /** Follows both Redis connections. */
  attachRedis(redis: RedisDeps): void {
    this.redis = redis;
    const update = (): void => {
      const ready = isRedisReady(redis);
      this.set('redis', ready, ready ? null : 'not connected');
    };
    for (const c of [redis.client, redis.subscriber]) {
      for (const event of ['ready', 'end', 'error', 'reconnecting']) c.on(event, update);
    }
    update();
  }

  /** Marks the store down before it could be opened (e.g. the first connection was refused). */
  storeUnreachable(err: unknown): void {
    this.set('store', false, describe(err));
  }

  /** Probes now (at most one probe in flight) and resolves with the current problems. */
  async check(): Promise<string[]> {
    if (this.store) {
      this.probe ??= this.probeStore(this.store).finally(() => {
        this.probe = null;
      });
      await this.probe;
    }
    if (this.redis)
      this.set('redis', isRedisReady(this.redis), isRedisReady(this.redis) ? null : 'not connected');
    return this.problems();
  }

  /** `<dependency>: <reason>` for each dependency that is down. */
  problems(): string[] {
    return [...this.states]
      .filter(([, state]) => !state.up)
      .map(([name, state]) => `${name}: ${state.reason ?? 'down'}`);
  }

  /** Whether the dependency was up at the last look. */
  isUp(name: Dependency): boolean {
    return this.states.get(name)?.up ?? true;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async probeStore(store: Store): Promise<void> {
    const timeoutMs = this.options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.ping(),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      this.set('store', true, null);
    } catch (err) {
      this.set('store', false, describe(err));
    } finally {
      clearTimeout(timer);
    }
  }

  private set(name: Dependency, up: boolean, reason: string | null): void {
    const previous = this.states.get(name);
    if (!previous) return;
    if (previous.up === up) {
      if (!up) previous.reason = reason;
      return;
    }
    this.account();
    const now = this.options.now();
    this.states.set(name, { up, since: now, reason });
    this.accountedUntil.delete(name);
    if (up)
      this.options.logger.warn({ dependency: name, downMs: now - previous.since }, 'dependency is back');
    else this.options.logger.error({ dependency: name, reason }, 'dependency is unreachable: not ready');
  }

  /** Adds the time spent down since the last accounting to the counter. */
  private account(): void {
    const now = this.options.now();
    for (const [name, state] of this.states) {
      if (state.up) continue;
      const from = Math.max(state.since, this.accountedUntil.get(name) ?? state.since);
      if (now > from) this.unreadySeconds.inc({ dependency: name }, (now - from) / 1000);
      this.accountedUntil.set(name, now);
    }
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err instanceof AggregateError && err.errors.length > 0) return describe(err.errors[0]);
  return err.message || err.name;
}
