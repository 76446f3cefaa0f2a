import type { Metrics } from '../observability/metrics.js';

/** The document server's own metrics, on the app's registry. */
export function createCollabMetrics(metrics: Metrics) {
  return {
    connections: metrics.gauge(
      'roundtable_yjs_connections',
      'Open Yjs websocket connections on this instance',
    ),
    documents: metrics.gauge('roundtable_yjs_documents', 'Yjs documents held in memory on this instance'),
    refusedUpgrades: metrics.counter(
      'roundtable_yjs_refused_upgrades_total',
      'Yjs upgrades refused before the handshake, by HTTP status',
      ['status'],
    ),
    closes: metrics.counter(
      'roundtable_yjs_closes_total',
      'Yjs connections closed by the server, by close code',
      ['code'],
    ),
    droppedUpdates: metrics.counter(
      'roundtable_yjs_dropped_updates_total',
      'Updates refused because the connection or document is read-only',
      ['reason'],
    ),
    loadFailures: metrics.counter('roundtable_yjs_load_failures_total', 'Yjs documents that failed to load'),
    fanoutFailures: metrics.counter(
      'roundtable_yjs_fanout_failures_total',
      'Messages that could not be published to other instances',
    ),
  };
}
export type CollabMetrics = ReturnType<typeof createCollabMetrics>;
