import { Registry, collectDefaultMetrics, Counter, Gauge, Histogram } from 'prom-client';

/** One Prometheus registry per app instance (tests create several apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'roundtable_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'status'] as const,
      registers: [registry],
    }),
    storeWriteFailures: new Counter({
      name: 'roundtable_store_write_failures_total',
      help: 'Writes to the durable store that failed',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    socketConnections: new Gauge({
      name: 'roundtable_socketio_connections',
      help: 'Open Socket.IO connections on this instance',
      registers: [registry],
    }),
    /** Generic helper for modules that need their own metrics on the same registry. */
    counter: (name: string, help: string, labelNames: string[] = []) =>
      new Counter({ name, help, labelNames, registers: [registry] }),
    gauge: (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers: [registry] }),
    histogram: (name: string, help: string, buckets?: number[]) =>
      new Histogram({ name, help, registers: [registry], ...(buckets ? { buckets } : {}) }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
