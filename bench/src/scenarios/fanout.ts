import { outdatedTimeout } from 'y-protocols/awareness';
import type { RunOptions } from '../options.js';
import type { TargetName } from '../targets/types.js';
import { runEdits, type EditRunPlan, type EditRunResult } from './edit-run.js';
import type { Scenario } from './types.js';

/** y-protocols renews a client's own awareness state once it is half `outdatedTimeout` old (15 s). */
const RENEW_MS = outdatedTimeout / 2;
const NOTE_TAKERS = 5;
const CURSOR_HZ = 5;

function plan(options: RunOptions, readers: number, awareness: boolean): EditRunPlan {
  return {
    readers,
    edits: options.edits,
    intervalMs: options.intervalMs,
    warmupEdits: options.warmupEdits,
    reps: options.reps,
    awareness,
    noteTakers: NOTE_TAKERS,
    cursorHz: CURSOR_HZ,
    renewMs: RENEW_MS,
  };
}

const singleInstance = (target: TargetName): string | null =>
  target === 'roundtable-2x' ? 'see cross-instance' : null;

/** The three scenarios share the edit run; they differ in awareness and in who runs them. */
function editScenario(
  name: 'fanout' | 'awareness' | 'cross-instance',
  title: string,
  method: string,
  awareness: boolean,
  notApplicable: (target: TargetName) => string | null,
): Scenario<EditRunResult> {
  return {
    name,
    title,
    method,
    variants: (options) => options.readers.map((n) => ({ label: `N = ${n}`, size: n })),
    notApplicable,
    run: (target, variant, { pool, options }) =>
      runEdits(target, pool, plan(options, variant.size, awareness)),
    metrics: (d) => ({ cpu: d.cpuMsPerEdit.median, p99: d.lastClient.p99 }),
    ...(name === 'cross-instance' ? { baseTarget: 'roundtable' as const } : {}),
  };
}

export const fanoutScenario = editScenario(
  'fanout',
  'Fan-out',
  'One writer (stock `WebsocketProvider`) appends 10 characters every 20 ms to the minutes; N readers ' +
    '(stock `WebsocketProvider`s, each with the awareness state `{}` the provider publishes on connect ' +
    'and renews every 15 s, and echoing every awareness change it receives) receive. No cursors.',
  false,
  singleInstance,
);

export const awarenessScenario = editScenario(
  'awareness',
  'Awareness',
  `Fan-out plus what browsers add: ${NOTE_TAKERS} note-takers (stock providers) move their cursors ` +
    `${CURSOR_HZ} times a second; every client publishes a user state on connect and renews it every ` +
    `${RENEW_MS / 1000} s (y-protocols \`outdatedTimeout\` / 2) at a random phase, as people who joined ` +
    'at different times do.',
  true,
  (target) =>
    target === 'raw-ws'
      ? 'clients echo every awareness change (as the stock provider does): a relay would re-send every echo to everyone, N² messages per change'
      : singleInstance(target),
);

export const crossInstanceScenario = editScenario(
  'cross-instance',
  'Cross-instance fan-out',
  'The fan-out workload with the writer on instance A and readers alternating between A and B ' +
    '(two Roundtable processes sharing Redis and a fresh PostgreSQL database), alternated round by ' +
    'round with single-instance Roundtable (the base of the ratios). CPU is both instances.',
  false,
  (target) =>
    target === 'roundtable-2x' || target === 'roundtable' ? null : 'Roundtable one vs two instances',
);
