import { now, sleep } from '../clock.js';
import { maxOf, median } from '../stats.js';
import type { MemoryReading, RunningTarget } from '../targets/types.js';
import { endpointUrl } from '../targets/types.js';
import type { WorkerPool } from '../workers/pool.js';
import type { Scenario } from './types.js';

/** Bytes per connection by three readings; `rss` (after a forced GC) is the one the goal uses. */
export interface MemoryResult {
  connections: number;
  docs: number;
  before: Readings;
  after: Readings;
  perConnection: Readings;
}

interface Readings {
  /** RSS after a forced GC: what the connections retain. */
  rss: number;
  /** RSS as the process runs (garbage included; closer to what an operator sees). */
  rssNoGc: number;
  /** JS heap + external after GC: the least noisy of the three. */
  heapAndExternal: number;
}

const SAMPLES = 7;
const SAMPLE_GAP_MS = 300;
const SETTLE_MS = 2_000;
/** Before reading: forced GCs a second apart until five agree within this (or the time is up). */
const STABLE_BYTES = 512 * 1024;
const STABLE_TIMEOUT_MS = 45_000;

/**
 * V8 resizes its young generation and its idle "memory reducer" hands pages back in steps of
 * several MB, seconds to a minute after start: the size of the signal (≈ 5–20 KB × 500). Pinning
 * both makes RSS repeatable; the memory scenario's servers (every target alike) start with these.
 */
export const MEMORY_NODE_FLAGS = [
  '--no-memory-reducer',
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
];

async function waitStable(target: RunningTarget): Promise<void> {
  const recent: number[] = [];
  const deadline = now() + STABLE_TIMEOUT_MS;
  while (now() < deadline) {
    recent.push((await target.memory(true)).rss);
    const last = recent.slice(-5);
    if (last.length === 5 && maxOf(last) - Math.min(...last) < STABLE_BYTES) return;
    await sleep(1_000);
  }
}

/**
 * Medians of several readings: RSS moves by a few MB between samples (the allocator hands pages
 * back when it likes), which is of the order of the signal (≈ 5–20 KB × 500).
 */
async function readings(target: RunningTarget): Promise<Readings> {
  await waitStable(target);
  const plain: MemoryReading[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    plain.push(await target.memory(false));
    await sleep(SAMPLE_GAP_MS);
  }
  const collected: MemoryReading[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    collected.push(await target.memory(true));
    await sleep(SAMPLE_GAP_MS);
  }
  return {
    rss: median(collected.map((r) => r.rss)),
    rssNoGc: median(plain.map((r) => r.rss)),
    heapAndExternal: median(collected.map((r) => r.heapAndExternal)),
  };
}

async function connectIdle(pool: WorkerPool, urls: string[], sync: boolean): Promise<void> {
  const results = await pool.readers('connectReaders', (w) => ({
    clients: urls.filter((_, i) => i % pool.readerWorkers === w).map((url) => ({ url, awareness: null })),
    sync,
    renewMs: 0,
    timeoutMs: 120_000,
  }));
  const failures = results.flatMap((r) => r.failures);
  if (failures.length) throw new Error(`connections refused: ${failures.join('; ')}`);
}

export const memoryScenario: Scenario<MemoryResult> = {
  name: 'memory',
  title: 'Memory per idle connection',
  method:
    `A freshly started server (every target with \`${MEMORY_NODE_FLAGS.join(' ')}\` so V8 does not ` +
    'resize its heap in the middle of a reading); its documents created and one client connected and ' +
    'closed first (so code paths are warm); RSS allowed to settle (five GC-ed readings within 512 KB). ' +
    'Readings before and after opening the connections (each synced, then ' +
    `idle; settled ${SETTLE_MS / 1000} s), each the median of ${SAMPLES}: RSS after a forced GC (the goal's ` +
    'figure), RSS without forcing GC, and JS heap + external after GC. Reported per connection: ' +
    '(after − before) / connections. No awareness states: 500 joining clients each publishing one ' +
    "make a server relay ~125,000 messages, which is the awareness scenario's subject.",
  variants: (options) => [
    {
      label: `${options.memoryConnections} connections, 1 document`,
      size: options.memoryConnections,
      docs: 1,
    },
    {
      label: `${options.memoryDocs} documents × ${options.memoryPerDoc} connections`,
      size: options.memoryDocs * options.memoryPerDoc,
      docs: options.memoryDocs,
    },
  ],
  notApplicable: (target) => (target === 'roundtable-2x' ? 'single-instance scenario' : null),
  startOptions: { nodeFlags: MEMORY_NODE_FLAGS },
  async run(target, variant, { pool }) {
    const docCount = variant.docs ?? 1;
    const docs = await target.newDocs(docCount + 1);
    const warm = docs.pop();
    if (!warm) throw new Error('no document');
    try {
      await connectIdle(pool, [endpointUrl(warm.endpoint('reader', 0, 0))], target.speaksYjs);
      await pool.readers('closeReaders', () => null);
      await sleep(500);
      const before = await readings(target);
      const urls = Array.from({ length: variant.size }, (_, i) => {
        const doc = docs[i % docCount];
        if (!doc) throw new Error('no document');
        return endpointUrl(doc.endpoint('reader', i, 0));
      });
      await connectIdle(pool, urls, target.speaksYjs);
      await sleep(SETTLE_MS);
      const after = await readings(target);
      const per = (key: keyof Readings): number => (after[key] - before[key]) / variant.size;
      return {
        connections: variant.size,
        docs: docCount,
        before,
        after,
        perConnection: { rss: per('rss'), rssNoGc: per('rssNoGc'), heapAndExternal: per('heapAndExternal') },
      };
    } finally {
      await pool.readers('closeReaders', () => null);
    }
  },
};
