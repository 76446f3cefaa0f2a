import os from 'node:os';
import type { RunOptions } from './options.js';
import { SCENARIOS } from './scenarios/index.js';
import {
  NotAvailableError,
  type Outcome,
  type RatioSpread,
  type RoundReport,
  type Scenario,
  type ScenarioContext,
  type ScenarioReport,
  type VariantReport,
} from './scenarios/types.js';
import { median } from './stats.js';
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
  const people = Math.max(...options.readers, ...options.memorySteps, options.participants);
  try {
    for (const scenario of SCENARIOS.filter((s) => options.scenarios.includes(s.name))) {
      const variants: VariantReport[] = [];
      const roundCount = scenario.metrics ? options.rounds : 1;
      for (const variant of scenario.variants(options)) {
        const rounds: RoundReport[] = [];
        for (let r = 0; r < roundCount; r++) {
          // A/B/A/B: the order flips every round, so a machine that gets busier does not always
          // penalise the same target.
          const ordered = turn++ % 2 === 0 ? targets : [...targets].reverse();
          const round: RoundReport = { order: [], loadAverage: os.loadavg(), results: {} };
          for (const target of ordered) {
            const skip = scenario.notApplicable(target.name);
            if (skip) continue;
            log(`${scenario.name} ${variant.label} ${target.name} (round ${r + 1}/${roundCount})`);
            const start = { readers: people, ...scenario.startOptions };
            const outcome = await runOne(target, unavailable, start, (running) =>
              scenario.run(running, variant, context),
            );
            round.order.push(target.name);
            round.results[target.name] = outcome;
            if (outcome.status !== 'ok') log(`  ${outcome.status}: ${outcome.reason}`);
          }
          rounds.push(round);
        }
        const baseTarget = scenario.baseTarget ?? 'reference';
        variants.push({
          label: variant.label,
          size: variant.size,
          results: rounds[0]?.results ?? {},
          rounds,
          ratios: ratiosOf(scenario, rounds, baseTarget),
          baseTarget,
        });
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

/** Each target's figures divided by the base target's of the same round. */
function ratiosOf(
  scenario: Scenario<unknown>,
  rounds: RoundReport[],
  baseTarget: TargetName,
): VariantReport['ratios'] {
  const out: VariantReport['ratios'] = {};
  const metrics = scenario.metrics;
  if (!metrics) return out;
  const perTarget = new Map<TargetName, Map<string, number[]>>();
  for (const round of rounds) {
    const base = round.results[baseTarget];
    if (base?.status !== 'ok') continue;
    const baseFigures = metrics(base.data);
    for (const [target, outcome] of Object.entries(round.results) as [TargetName, Outcome<unknown>][]) {
      if (outcome.status !== 'ok') continue;
      const figures = metrics(outcome.data);
      const byMetric = perTarget.get(target) ?? new Map<string, number[]>();
      perTarget.set(target, byMetric);
      for (const [name, value] of Object.entries(figures)) {
        const b = baseFigures[name];
        if (b === undefined || !Number.isFinite(b) || b === 0 || !Number.isFinite(value)) continue;
        byMetric.set(name, [...(byMetric.get(name) ?? []), value / b]);
      }
    }
  }
  for (const [target, byMetric] of perTarget) {
    const entry: Record<string, RatioSpread> = {};
    for (const [name, values] of byMetric) {
      const sorted = [...values].sort((a, b) => a - b);
      entry[name] = {
        perRound: values,
        median: median(values),
        min: sorted[0] ?? Number.NaN,
        max: sorted[sorted.length - 1] ?? Number.NaN,
      };
    }
    out[target] = entry;
  }
  return out;
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
