import fs from 'node:fs/promises';
import path from 'node:path';
import { now, sleep } from '../clock.js';
import { maxOf, median } from '../stats.js';
import type { MemoryReading, RunningTarget } from '../targets/types.js';
import type { Endpoint } from '../targets/types.js';
import type { WorkerPool } from '../workers/pool.js';
import type { Scenario } from './types.js';

/** One reading of the server at a number of open connections. */
export interface MemoryPoint extends Readings {
  connections: number;
}

/**
 * Bytes per connection as least-squares slopes over several connection counts in one process
 * (a single before/after difference swings with what the allocator kept from start-up).
 */
export interface MemoryResult {
  connections: number;
  docs: number;
  /** Before any connection: the base and what it is made of. */
  base: MemoryReading;
  points: MemoryPoint[];
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
async function readings(target: RunningTarget): Promise<Readings & { last: MemoryReading }> {
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
    last: collected[collected.length - 1] ?? (await target.memory(true)),
  };
}

async function connectIdle(pool: WorkerPool, endpoints: Endpoint[], stock: boolean): Promise<void> {
  const results = await pool.readers('connectReaders', (w) => ({
    clients: endpoints.filter((_, i) => i % pool.readerWorkers === w).map((endpoint) => ({ endpoint })),
    stock,
    renewMs: 0,
    timeoutMs: 120_000,
  }));
  const failures = results.flatMap((r) => r.failures);
  if (failures.length) throw new Error(`connections refused: ${failures.join('; ')}`);
}

/** Least-squares slope of `y` over `x`. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

export const memoryScenario: Scenario<MemoryResult> = {
  name: 'memory',
  title: 'Memory per idle connection',
  method:
    `A freshly started server (every target with \`${MEMORY_NODE_FLAGS.join(' ')}\` so V8 does not ` +
    'resize its heap in the middle of a reading); its documents created and one client connected and ' +
    'closed first (so code paths are warm). Then stock `WebsocketProvider`s (each with its awareness ' +
    'state, renewed every 15 s, as the room opens documents) are added in steps in the same process; ' +
    `at each step, once settled (${SETTLE_MS / 1000} s, then five GC-ed readings within 512 KB), the median of ` +
    `${SAMPLES} readings of RSS after a forced GC, RSS without forcing GC, and JS heap + external after GC. ` +
    'Per connection is the least-squares slope over the steps (not one before/after difference, which ' +
    'swings with what the allocator kept from start-up). The base is the reading before any connection.',
  variants: (options) => [
    {
      label: `${options.memorySteps.join(' / ')} connections, 1 document`,
      size: Math.max(...options.memorySteps),
      docs: 1,
    },
  ],
  notApplicable: (target) => (target === 'roundtable-2x' ? 'single-instance scenario' : null),
  startOptions: { nodeFlags: MEMORY_NODE_FLAGS },
  metrics: (d) => ({ rss: d.perConnection.rss, heap: d.perConnection.heapAndExternal }),
  async run(target, variant, { pool, options, log }) {
    const docCount = variant.docs ?? 1;
    const docs = await target.newDocs(docCount + 1);
    const warm = docs.pop();
    if (!warm) throw new Error('no document');
    const stock = target.speaksYjs;
    try {
      await connectIdle(pool, [warm.endpoint('reader', 0, 0)], stock);
      await pool.readers('closeReaders', () => null);
      await sleep(500);
      const { last: base } = await readings(target);
      const snapshot = async (what: string): Promise<void> => {
        if (!options.snapshotDir) return;
        await fs.mkdir(options.snapshotDir, { recursive: true });
        await target.heapSnapshots(path.join(options.snapshotDir, `${target.name}-${docCount}docs-${what}`));
      };
      await snapshot('base');
      const points: MemoryPoint[] = [];
      let open = 0;
      for (const step of [...options.memorySteps].sort((a, b) => a - b)) {
        const endpoints: Endpoint[] = [];
        for (let i = open; i < step; i++) {
          const doc = docs[i % docCount];
          if (!doc) throw new Error('no document');
          endpoints.push(doc.endpoint('reader', i, 0));
        }
        // Each worker keeps the readers it has; new ones are added beside them.
        await connectIdle(pool, endpoints, stock);
        open = step;
        await sleep(SETTLE_MS);
        const { last: _last, ...reading } = await readings(target);
        points.push({ connections: step, ...reading });
        log(`  ${step} connections: RSS ${(reading.rss / 2 ** 20).toFixed(1)} MB`);
      }
      await snapshot(`${open}conns`);
      const per = (key: keyof Readings): number =>
        slope(points.map((p) => ({ x: p.connections, y: p[key] })));
      return {
        connections: variant.size,
        docs: docCount,
        base,
        points,
        perConnection: { rss: per('rss'), rssNoGc: per('rssNoGc'), heapAndExternal: per('heapAndExternal') },
      };
    } finally {
      await pool.readers('closeReaders', () => null);
    }
  },
};
