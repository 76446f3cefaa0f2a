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
  readonly log: (line: string) => void;
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
  /**
   * The figures compared round by round with the base target (lower is better), e.g. CPU per
   * edit and p99. Absent: the scenario runs one round and reports no per-round ratio.
   */
  readonly metrics?: (data: R) => Record<string, number>;
  /** What the ratios are to (default the reference). */
  readonly baseTarget?: TargetName;
}

/** One figure's ratio to the base target, per round (each round a fresh server per target). */
export interface RatioSpread {
  perRound: number[];
  median: number;
  min: number;
  max: number;
}

/** One A/B/A/B round: every target once, in `order`, with the machine's load when it began. */
export interface RoundReport<R = unknown> {
  order: TargetName[];
  loadAverage: number[];
  results: Partial<Record<TargetName, Outcome<R>>>;
}

export type Outcome<R> =
  | { status: 'ok'; data: R }
  | { status: 'unavailable' | 'n/a' | 'error'; reason: string; serverOutput?: string };

export interface VariantReport<R = unknown> {
  label: string;
  size: number;
  /** The first round's outcomes (the tables' absolute figures). */
  results: Partial<Record<TargetName, Outcome<R>>>;
  rounds: RoundReport<R>[];
  /** Per target and figure: its ratio to the base target round by round. */
  ratios: Partial<Record<TargetName, Record<string, RatioSpread>>>;
  baseTarget: TargetName;
}

export interface ScenarioReport<R = unknown> {
  name: ScenarioName;
  title: string;
  method: string;
  variants: VariantReport<R>[];
}
