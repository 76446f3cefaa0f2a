import type { RunOptions } from './options.js';
import { SCENARIOS } from './scenarios/index.js';
import {
  NotAvailableError,
  type Outcome,
  type ScenarioContext,
  type ScenarioReport,
  type VariantReport,
} from './scenarios/types.js';
import { TARGETS } from './targets/index.js';
import {
  isUnavailable,
  type RunningTarget,
  type StartOptions,
  type Target,
  type TargetName,
} from './targets/types.js';
import { WorkerPool } from './workers/pool.js';

export interface TargetStatus {
  name: TargetName;
  description: string;
  /** Null when it ran; otherwise why it did not. */
  unavailable: string | null;
}

/**
 * Runs every selected scenario against every selected target. Each (scenario, variant, target)
 * gets a freshly started server so no measurement inherits another's heap; within a variant the
 * target order alternates, so a machine that gets busier over the run does not always hurt the
 * same target.
 */
export async function runAll(
  options: RunOptions,
  log: (line: string) => void,
): Promise<{ scenarios: ScenarioReport[]; targets: TargetStatus[] }> {
  const targets = TARGETS.filter((t) => options.targets.includes(t.name));
  const unavailable = new Map<TargetName, string>();
  const pool = await WorkerPool.start(options.readerWorkers);
  const context: ScenarioContext = { pool, options, log };
  const reports: ScenarioReport[] = [];
  let turn = 0;
  // Targets with people create them once per run: as many as the largest scenario needs.
  const people = Math.max(...options.readers, options.memoryConnections, options.participants);
  try {
    for (const scenario of SCENARIOS.filter((s) => options.scenarios.includes(s.name))) {
      const variants: VariantReport[] = [];
      for (const variant of scenario.variants(options)) {
        const results: VariantReport['results'] = {};
        const ordered = turn++ % 2 === 0 ? targets : [...targets].reverse();
        for (const target of ordered) {
          const skip = scenario.notApplicable(target.name);
          if (skip) continue;
          log(`${scenario.name} ${variant.label} ${target.name}`);
          const start = { readers: people, ...scenario.startOptions };
          results[target.name] = await runOne(target, unavailable, start, (running) =>
            scenario.run(running, variant, context),
          );
          const outcome = results[target.name];
          if (outcome && outcome.status !== 'ok') log(`  ${outcome.status}: ${outcome.reason}`);
        }
        variants.push({ label: variant.label, size: variant.size, results });
      }
      reports.push({ name: scenario.name, title: scenario.title, method: scenario.method, variants });
    }
  } finally {
    pool.close();
    await Promise.allSettled(targets.map((t) => t.dispose?.() ?? Promise.resolve()));
  }
  return {
    scenarios: reports,
    targets: targets.map((t) => ({
      name: t.name,
      description: t.description,
      unavailable: unavailable.get(t.name) ?? null,
    })),
  };
}

async function runOne<R>(
  target: Target,
  unavailable: Map<TargetName, string>,
  start: StartOptions,
  body: (running: RunningTarget) => Promise<R>,
): Promise<Outcome<R>> {
  const known = unavailable.get(target.name);
  if (known) return { status: 'unavailable', reason: known };
  let started: RunningTarget | Awaited<ReturnType<Target['start']>>;
  try {
    started = await target.start(start);
  } catch (err) {
    return { status: 'error', reason: `start: ${message(err)}` };
  }
  if (isUnavailable(started)) {
    // Probed once: a target that is not there yet is not re-spawned for every measurement.
    unavailable.set(target.name, started.unavailable);
    return { status: 'unavailable', reason: started.unavailable };
  }
  try {
    return { status: 'ok', data: await body(started) };
  } catch (err) {
    if (err instanceof NotAvailableError) return { status: 'unavailable', reason: err.message };
    return { status: 'error', reason: message(err), serverOutput: started.output().trim() };
  } finally {
    await started.stop();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
