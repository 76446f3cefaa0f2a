import type { RunOptions, ScenarioName } from '../options.js';
import type { RunningTarget, StartOptions, TargetName } from '../targets/types.js';
import type { WorkerPool } from '../workers/pool.js';

/** One setting of a scenario (e.g. N = 500), run against every applicable target. */
export interface Variant {
  label: string;
  /** Readers, connections or participants: what the variant scales. */
  size: number;
  /** Documents the connections spread over (memory). */
  docs?: number;
}

/** Thrown by a scenario when the target lacks what it exercises (reported "not available"). */
export class NotAvailableError extends Error {}

export interface ScenarioContext {
  pool: WorkerPool;
  options: RunOptions;
  /** Progress line on stderr (the report goes to stdout and the files). */
  log(line: string): void;
}

export interface Scenario<R> {
  readonly name: ScenarioName;
  readonly title: string;
  /** What the scenario measures and how, for the report. */
  readonly method: string;
  variants(options: RunOptions): Variant[];
  /** How to start the target for this scenario, when not as usual. */
  readonly startOptions?: Partial<StartOptions>;
  /** Null when the scenario applies to the target, else why not (shown as "n/a"). */
  notApplicable(target: TargetName): string | null;
  run(target: RunningTarget, variant: Variant, context: ScenarioContext): Promise<R>;
}

export type Outcome<R> =
  | { status: 'ok'; data: R }
  | { status: 'unavailable' | 'n/a' | 'error'; reason: string; serverOutput?: string };

export interface VariantReport<R = unknown> {
  label: string;
  size: number;
  results: Partial<Record<TargetName, Outcome<R>>>;
}

export interface ScenarioReport<R = unknown> {
  name: ScenarioName;
  title: string;
  method: string;
  variants: VariantReport<R>[];
}
