import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEdits } from './scenarios/edit-run.js';
import { rawWsTarget, referenceTarget } from './targets/reference.js';
import { isUnavailable, type RunningTarget } from './targets/types.js';
import { WorkerPool } from './workers/pool.js';

/** A short fan-out: no awareness scenario, one repetition. */
const shortRun = (readers: number, edits: number) => ({
  readers,
  edits,
  intervalMs: 5,
  warmupEdits: 2,
  reps: 1,
  awareness: false,
  noteTakers: 0,
  cursorHz: 5,
  renewMs: 15_000,
});

describe('bench harness (smoke)', () => {
  let pool: WorkerPool;
  let target: RunningTarget;

  beforeAll(async () => {
    pool = await WorkerPool.start(2);
    const started = await rawWsTarget.start({ readers: 5 });
    if (isUnavailable(started)) throw new Error(started.unavailable);
    target = started;
  }, 60_000);

  afterAll(async () => {
    await target?.stop();
    pool?.close();
  });

  it('fan-out at N = 5 through the raw relay delivers every edit to every reader', async () => {
    const result = await runEdits(target, pool, shortRun(5, 20));
    expect(result.missing).toBe(0);
    expect(result.brokenReaders).toBe(0);
    expect(result.lastClient.n).toBe(20);
    expect(result.deliveries.n).toBe(5 * 20);
    expect(result.cpuMsPerEdit.median).toBeGreaterThan(0);
  }, 120_000);

  it('fan-out at N = 3 stock providers through the reference server delivers every edit', async () => {
    const started = await referenceTarget.start({ readers: 3 });
    if (isUnavailable(started)) throw new Error(started.unavailable);
    try {
      const result = await runEdits(started, pool, shortRun(3, 10));
      expect(result.missing).toBe(0);
      expect(result.brokenReaders).toBe(0);
      expect(result.deliveries.n).toBe(3 * 10);
    } finally {
      await started.stop();
    }
  }, 120_000);
});
