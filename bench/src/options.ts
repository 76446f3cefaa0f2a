import { parseArgs } from 'node:util';
import { TARGET_NAMES, type TargetName } from './targets/types.js';

export const SCENARIO_NAMES = [
  'fanout',
  'awareness',
  'cross-instance',
  'memory',
  'big-minutes',
  'hands',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Everything that shapes a run; the defaults are issue 3 item 8 and issue 4's hands scenario. */
export interface RunOptions {
  scenarios: ScenarioName[];
  targets: TargetName[];
  /** N for fan-out, awareness and cross-instance. */
  readers: number[];
  reps: number;
  /** A/B rounds per figure: each a fresh server per target, the target order flipped each round. */
  rounds: number;
  edits: number;
  intervalMs: number;
  warmupEdits: number;
  readerWorkers: number;
  /** Open connections at which memory is read, in one process (slope over these). */
  memorySteps: number[];
  bigOperations: number;
  bigFreshClients: number;
  participants: number;
  /** Where the memory scenario writes heap snapshots at its first and last step (none if null). */
  snapshotDir: string | null;
  /** Write docs/BENCHMARKS.md and results/latest.json (default: only for a full run). */
  write: boolean;
  /** Measure nothing: render docs/BENCHMARKS.md again from results/latest.json (and ANALYSIS.md). */
  renderOnly: boolean;
}

export const DEFAULT_OPTIONS: RunOptions = {
  scenarios: [...SCENARIO_NAMES],
  targets: [...TARGET_NAMES],
  readers: [50, 200],
  reps: 1,
  rounds: 2,
  edits: 200,
  intervalMs: 20,
  warmupEdits: 20,
  readerWorkers: 2,
  memorySteps: [250, 500, 750],
  bigOperations: 100_000,
  bigFreshClients: 5,
  participants: 300,
  snapshotDir: null,
  write: true,
  renderOnly: false,
};

const USAGE = `pnpm bench [-- options]
  --scenario <list>   ${SCENARIO_NAMES.join(',')} (default: all)
  --targets <list>    ${TARGET_NAMES.join(',')} (default: all)
  --readers <list>    N for fan-out/awareness/cross-instance (default 50,200)
  --reps <n>          measured repetitions of 200 edits per server (default 1)
  --rounds <n>        A/B rounds per figure, target order flipped each round (default 2)
  --workers <n>       reader client processes (default 2)
  --quick             N=20,50, one repetition, small memory/big/hands sizes (a smoke run)
  --write / --no-write  regenerate docs/BENCHMARKS.md and results/latest.json
                      (default: only when every scenario and target was selected)
  --memory-steps <list>  connection counts of the memory slope (default 250,500,750)
  --snapshots <dir>   write heap snapshots of the memory scenario's servers (base and last step)
  --render            measure nothing; rebuild docs/BENCHMARKS.md from results/latest.json
                      and bench/ANALYSIS.md`;

export function parseOptions(argv: string[]): RunOptions | { help: string } {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      scenario: { type: 'string' },
      targets: { type: 'string' },
      readers: { type: 'string' },
      reps: { type: 'string' },
      rounds: { type: 'string' },
      workers: { type: 'string' },
      quick: { type: 'boolean' },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      render: { type: 'boolean' },
      snapshots: { type: 'string' },
      'memory-steps': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: USAGE };
  const options: RunOptions = { ...DEFAULT_OPTIONS };
  if (values.quick) {
    Object.assign(options, {
      readers: [20, 50],
      reps: 1,
      rounds: 2,
      memorySteps: [20, 40, 60],
      bigOperations: 10_000,
      bigFreshClients: 3,
      participants: 50,
    });
  }
  if (values.scenario) options.scenarios = listOf(values.scenario, SCENARIO_NAMES, 'scenario');
  if (values.targets) options.targets = listOf(values.targets, TARGET_NAMES, 'target');
  if (values.readers) options.readers = values.readers.split(',').map((n) => positive(n, 'readers'));
  if (values.reps) options.reps = positive(values.reps, 'reps');
  if (values.rounds) options.rounds = positive(values.rounds, 'rounds');
  if (values.workers) options.readerWorkers = positive(values.workers, 'workers');
  const full =
    !values.scenario && !values.targets && !values.quick && !values.readers && !values['memory-steps'];
  options.write = values['no-write'] ? false : (values.write ?? full);
  options.renderOnly = values.render ?? false;
  if (values.snapshots) options.snapshotDir = values.snapshots;
  if (values['memory-steps'])
    options.memorySteps = values['memory-steps'].split(',').map((n) => positive(n, 'memory-steps'));
  return options;
}

function listOf<T extends string>(raw: string, allowed: readonly T[], what: string): T[] {
  return raw.split(',').map((item) => {
    const found = allowed.find((a) => a === item.trim());
    if (!found) throw new Error(`unknown ${what} "${item}" (one of ${allowed.join(', ')})`);
    return found;
  });
}

function positive(raw: string, what: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${what} wants positive integers, got "${raw}"`);
  return n;
}
