import { spread, type Spread } from '../stats.js';
import { endpointUrl } from '../targets/types.js';
import { loadBigDoc } from './big-doc.js';
import type { Scenario } from './types.js';

export interface BigMinutesResult {
  operations: number;
  encodedBytes: number;
  /** How the first client found the document: loaded from the store after a restart, or in memory. */
  firstConnect: 'cold (restarted, loaded from the store)' | 'in memory (no store)';
  /** First client after upload (and restart): connect → synced, and connect → step 2 received. */
  loadMs: number;
  loadReceivedMs: number;
  /** Fresh clients one after another while the document is loaded. */
  syncMs: Spread;
  receivedMs: Spread;
}

export const bigMinutesScenario: Scenario<BigMinutesResult> = {
  name: 'big-minutes',
  title: 'Big minutes',
  method:
    'A deterministic 100,000-operation document (seeded PRNG; one-character inserts at random ' +
    'positions by five authors) uploaded by an editor in 10 updates. Roundtable is then restarted ' +
    '(SIGTERM, start on the same store), so the first client measures loading from the store; the ' +
    'reference keeps documents in memory only, so its first connect is a plain sync. Then fresh ' +
    'clients, one after another: connect → synced (step 2 applied), and → step 2 received.',
  variants: (options) => [
    { label: `${options.bigOperations.toLocaleString('en')} operations`, size: options.bigOperations },
  ],
  notApplicable: (target) =>
    target === 'raw-ws'
      ? 'a relay has no document to sync'
      : target === 'roundtable-2x'
        ? 'single instance'
        : null,
  metrics: (d) => ({ sync: d.syncMs.p50, received: d.receivedMs.p50 }),
  async run(target, variant, { pool, options }) {
    const big = await loadBigDoc(variant.size);
    const [doc] = await target.newDocs(1);
    if (!doc) throw new Error('no document');
    await pool.call(0, 'upload', {
      url: endpointUrl(doc.endpoint('editor', 0, 0)),
      chunks: big.chunks,
      expectedLength: big.length,
    });
    if (target.restart) await target.restart();
    try {
      const first = await pool.call(0, 'openHolder', { endpoint: doc.endpoint('reader', 0, 0) });
      if (first.length !== big.length) {
        throw new Error(
          `first client got ${first.length} of ${big.length} characters (lost across the restart?)`,
        );
      }
      const fresh = await pool.call(0, 'measureSync', {
        endpoint: doc.endpoint('reader', 1, 0),
        count: options.bigFreshClients,
      });
      return {
        operations: big.operations,
        encodedBytes: first.bytes,
        firstConnect: target.restart ? 'cold (restarted, loaded from the store)' : 'in memory (no store)',
        loadMs: first.syncMs,
        loadReceivedMs: first.receivedMs,
        syncMs: spread(fresh.syncMs),
        receivedMs: spread(fresh.receivedMs),
      };
    } finally {
      await pool.call(0, 'closeReaders', null);
    }
  },
};
