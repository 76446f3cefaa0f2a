import os from 'node:os';
import { now, pollUntil, sleep } from '../clock.js';
import { busyCores, readMachineTicks } from '../machine.js';
import { maxOf, range, spread, type Range, type Spread } from '../stats.js';
import type { RunningTarget } from '../targets/types.js';
import type { WorkerPool } from '../workers/pool.js';

/** One writer typing while `readers` watch; optionally everyone publishing awareness. */
export interface EditRunPlan {
  readers: number;
  /** Measured edits per repetition, `intervalMs` apart. */
  edits: number;
  intervalMs: number;
  /** Edits before the first repetition, not measured (JIT, buffers, first-edit structure). */
  warmupEdits: number;
  reps: number;
  awareness: boolean;
  noteTakers: number;
  cursorHz: number;
  /** Awareness renewal period: y-protocols renews a state at `outdatedTimeout / 2`. */
  renewMs: number;
}

export interface RepMeasure {
  /** Server CPU (all instances) during the repetition, divided by its edits. */
  cpuMsPerEdit: number;
  /** Per edit: time until the last reader had it. */
  lastClient: Spread;
  windowMs: number;
  /** Client processes' CPU over the window, in cores: ≈ 1 per process means client-bound. */
  clientCores: number;
  /** Cores the rest of the machine kept busy meanwhile (everything but this server and clients). */
  otherCores: number;
}

export interface EditRunResult {
  readers: number;
  reps: RepMeasure[];
  /** Pooled over repetitions: per edit, the time until the last reader had it. */
  lastClient: Spread;
  /** Every (reader, edit) delivery. */
  deliveries: Spread;
  cpuMsPerEdit: Range;
  /** Deliveries that never arrived (must be 0), and readers that were closed or refused. */
  missing: number;
  brokenReaders: number;
  loadAverage: number[];
}

const CONNECT_TIMEOUT_MS = 60_000;
const COMPLETION_TIMEOUT_MS = 15_000;
/** The window closes no earlier than this after the last edit, so a fast server is not favoured. */
const SETTLE_MS = 250;
/** "Quiet": under this share of a core over a window. */
const QUIESCE_CORES = 0.2;
/** "Levelled off": three windows within this fraction of each other… */
const QUIESCE_LEVEL = 0.15;
/** …and below this: a server saturated by a join backlog is level too, at about one core. */
const QUIESCE_LEVEL_MAX_CORES = 0.9;
const QUIESCE_WINDOW_MS = 1_000;
const QUIESCE_TIMEOUT_MS = 60_000;

export async function runEdits(
  target: RunningTarget,
  pool: WorkerPool,
  plan: EditRunPlan,
): Promise<EditRunResult> {
  const loadAverage = os.loadavg();
  const [doc] = await target.newDocs(1);
  if (!doc) throw new Error('no document');
  const k = pool.readerWorkers;
  try {
    const connectReaders = async (): Promise<void> => {
      const connected = await pool.readers('connectReaders', (w) => ({
        clients: indicesOf(w, k, plan.readers).map((i) => ({
          endpoint: doc.endpoint('reader', i, i % target.instances),
          // Stock readers keep the provider's own state ({}) unless the scenario is about awareness.
          ...(plan.awareness ? { awareness: { user: { name: `Reader ${i + 1}`, color: colorOf(i) } } } : {}),
        })),
        stock: target.speaksYjs,
        renewMs: plan.renewMs,
        timeoutMs: CONNECT_TIMEOUT_MS,
      }));
      const failures = connected.flatMap((c) => c.failures);
      if (failures.length) throw new Error(`readers refused: ${failures.join('; ')}`);
    };
    const connectEditors = (): Promise<null> =>
      pool.call(0, 'connectEditors', {
        writer: doc.endpoint('editor', 0, 0),
        noteTakers: Array.from({ length: plan.awareness ? plan.noteTakers : 0 }, (_, j) =>
          doc.endpoint('editor', j + 1, (j + 1) % target.instances),
        ),
        awareness: plan.awareness,
        waitSynced: target.speaksYjs,
        timeoutMs: CONNECT_TIMEOUT_MS,
      });
    if (plan.awareness) {
      // Editors first: 500 joins, each echoed by everyone, can keep a server busy for a minute.
      await connectEditors();
      await connectReaders();
    } else {
      // Readers first: a provider that hears nothing for 30 s reconnects, and without awareness
      // traffic a writer waiting through 500 joins would (on the relay, losing its edits).
      await connectReaders();
      await connectEditors();
    }
    if (plan.awareness) await pool.call(0, 'startCursors', { hz: plan.cursorHz });
    await quiesce(target);

    await oneRepetition(target, pool, 0, plan.warmupEdits, plan.intervalMs);
    const reps: RepMeasure[] = [];
    let lastClient: number[] = [];
    let deliveries: number[] = [];
    let missing = 0;
    let brokenReaders = 0;
    for (let r = 0; r < plan.reps; r++) {
      const rep = await oneRepetition(
        target,
        pool,
        plan.warmupEdits + r * plan.edits,
        plan.edits,
        plan.intervalMs,
      );
      reps.push(rep.measure);
      // concat, not push(...): 100,000 deliveries are too many arguments for one call.
      lastClient = lastClient.concat(rep.lastClient);
      deliveries = deliveries.concat(rep.deliveries);
      missing += rep.missing;
      brokenReaders = Math.max(brokenReaders, rep.broken);
    }
    return {
      readers: plan.readers,
      reps,
      lastClient: spread(lastClient),
      deliveries: spread(deliveries),
      cpuMsPerEdit: range(reps.map((r) => r.cpuMsPerEdit)),
      missing,
      brokenReaders,
      loadAverage,
    };
  } finally {
    await Promise.allSettled([pool.call(0, 'closeEditors', null), pool.readers('closeReaders', () => null)]);
    // Let the server drop the closed connections before the next measurement starts.
    await sleep(500);
  }
}

async function oneRepetition(
  target: RunningTarget,
  pool: WorkerPool,
  from: number,
  count: number,
  intervalMs: number,
): Promise<{
  measure: RepMeasure;
  lastClient: number[];
  deliveries: number[];
  missing: number;
  broken: number;
}> {
  await pool.readers('expectEdits', () => ({ from, count }));
  const [cpu0, client0] = await Promise.all([target.cpuMicros(), pool.clientCpuMicros()]);
  const ticks0 = readMachineTicks();
  const start = now();
  const { sentAt } = await pool.call(0, 'runEdits', { count, intervalMs });
  const lastSent = sentAt[count - 1] ?? now();
  let broken = 0;
  await pollUntil(async () => {
    const progress = await pool.readers('progress', () => null);
    broken = progress.reduce((sum, p) => sum + p.broken, 0);
    return progress.every((p) => p.complete + p.broken === p.total);
  }, COMPLETION_TIMEOUT_MS);
  await sleep(Math.max(0, lastSent + SETTLE_MS - now()));
  const [cpu1, client1] = await Promise.all([target.cpuMicros(), pool.clientCpuMicros()]);
  const ticks1 = readMachineTicks();
  const windowMs = now() - start;
  const serverCores = (cpu1 - cpu0) / 1000 / windowMs;
  const clientCores = (client1 - client0) / 1000 / windowMs;
  const collected = await pool.readers('collect', () => null);
  const perClient = collected.flatMap((c) => c.times);

  const lastClient: number[] = [];
  const deliveries: number[] = [];
  let missing = 0;
  for (let i = 0; i < count; i++) {
    const sent = sentAt[i] ?? Number.NaN;
    let last = -Infinity;
    let complete = true;
    for (const times of perClient) {
      const at = times[i] ?? Number.NaN;
      if (Number.isNaN(at)) {
        missing++;
        complete = false;
        continue;
      }
      deliveries.push(at - sent);
      last = Math.max(last, at - sent);
    }
    if (complete) lastClient.push(last);
  }
  return {
    measure: {
      cpuMsPerEdit: (cpu1 - cpu0) / 1000 / count,
      lastClient: spread(lastClient),
      windowMs,
      clientCores,
      otherCores: Math.max(0, busyCores(ticks0, ticks1) - serverCores - clientCores),
    },
    lastClient,
    deliveries,
    missing,
    broken,
  };
}

/**
 * Waits until the server has worked off the join storm (500 joins, each relayed to everyone and,
 * with awareness, echoed back by everyone): a repetition must measure edits, not the backlog.
 * Done when the server is nearly idle, or when its CPU has levelled off (steady awareness traffic
 * keeps a server busy for good).
 */
async function quiesce(target: RunningTarget): Promise<void> {
  const deadline = now() + QUIESCE_TIMEOUT_MS;
  const windows: number[] = [];
  let before = await target.cpuMicros();
  while (now() < deadline) {
    await sleep(QUIESCE_WINDOW_MS);
    const after = await target.cpuMicros();
    windows.push((after - before) / 1000 / QUIESCE_WINDOW_MS);
    before = after;
    const last = windows.slice(-3);
    if ((last.at(-1) ?? 1) < QUIESCE_CORES) return;
    const level = maxOf(last) - Math.min(...last) <= QUIESCE_LEVEL * maxOf(last);
    if (last.length === 3 && level && maxOf(last) < QUIESCE_LEVEL_MAX_CORES) return;
  }
}

/** Reader indices worker `w` of `k` holds (round-robin, so each instance gets an even share). */
function indicesOf(w: number, k: number, readers: number): number[] {
  const out: number[] = [];
  for (let i = w; i < readers; i += k) out.push(i);
  return out;
}

function colorOf(i: number): string {
  return `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`;
}
