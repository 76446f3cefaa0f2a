import type { BigMinutesResult } from '../scenarios/big-minutes.js';
import type { HandsResult } from '../scenarios/hands.js';
import type { ScenarioReport } from '../scenarios/types.js';
import type { TargetName } from '../targets/types.js';
import { dataOf, fmt } from './lookup.js';

export interface Goal {
  goal: string;
  /** Ratio (or value) measured, null when not measured. */
  measured: number | null;
  limit: number;
  status: 'met' | 'missed' | 'not measured';
  detail: string;
}

/** The median over rounds of `target`'s ratio to the variant's base for one figure. */
function roundRatio(
  scenarios: ScenarioReport[],
  scenario: string,
  label: (l: string) => boolean,
  target: TargetName,
  metric: string,
): { label: string; ratio: number | null }[] {
  const report = scenarios.find((s) => s.name === scenario);
  return (report?.variants ?? [])
    .filter((v) => label(v.label))
    .map((v) => ({ label: v.label, ratio: v.ratios?.[target]?.[metric]?.median ?? null }));
}

const atN =
  (...ns: number[]) =>
  (label: string): boolean =>
    ns.some((n) => label === `N = ${n}`);
const any = (): boolean => true;

/** Issue 17's targets (and issue 4's hands guarantees), judged on this run's figures. */
export function evaluateGoals(scenarios: ScenarioReport[]): Goal[] {
  const goals: Goal[] = [];
  const push = (
    goal: (label: string) => string,
    rows: { label: string; ratio: number | null }[],
    limit: number,
    of: string,
  ): void => {
    for (const row of rows) goals.push(judge(goal(row.label), row.ratio, limit, of));
  };
  const ref = 'of the reference (median over rounds)';
  push(
    (l) => `Server CPU per edit, fan-out ${l}`,
    roundRatio(scenarios, 'fanout', atN(200, 500), 'roundtable', 'cpu'),
    0.5,
    ref,
  );
  const awareness = scenarios.find((s) => s.name === 'awareness')?.variants ?? [];
  const lastAwareness = awareness[awareness.length - 1]?.label;
  push(
    (l) => `Server CPU per edit, awareness ${l}`,
    roundRatio(scenarios, 'awareness', (l) => l === lastAwareness, 'roundtable', 'cpu'),
    0.2,
    ref,
  );
  for (const scenario of ['fanout', 'awareness'] as const) {
    push(
      (l) => `p99 latency to the last client, ${scenario} ${l}`,
      roundRatio(scenarios, scenario, any, 'roundtable', 'p99'),
      1.0,
      ref,
    );
  }
  push(
    (l) => `Cross-instance p99 to the last client, ${l}`,
    roundRatio(scenarios, 'cross-instance', atN(50, 200), 'roundtable-2x', 'p99'),
    1.5,
    'of single-instance Roundtable (median over rounds)',
  );
  push(
    (l) => `RSS per idle connection (slope), ${l}`,
    roundRatio(scenarios, 'memory', any, 'roundtable', 'rss'),
    1.0,
    ref,
  );
  push(
    (l) => `JS heap + external per idle connection (slope), ${l}`,
    roundRatio(scenarios, 'memory', any, 'roundtable', 'heap'),
    1.0,
    ref,
  );
  push(
    () => 'Big minutes: fresh client connect → synced (p50)',
    roundRatio(scenarios, 'big-minutes', any, 'roundtable', 'sync'),
    0.5,
    ref,
  );
  const big = dataOf<BigMinutesResult>(scenarios, 'big-minutes', 0, 'roundtable');
  goals.push(absolute('Big minutes: cold load after a restart → synced', big?.loadMs, 1000, 'ms'));
  const hands = dataOf<HandsResult>(scenarios, 'hands', 0, 'roundtable');
  goals.push(handsGoal(hands));
  return goals;
}

function absolute(goal: string, measured: number | null | undefined, limit: number, unit: string): Goal {
  if (measured === null || measured === undefined || !Number.isFinite(measured)) {
    return { goal, measured: null, limit, status: 'not measured', detail: `limit ≤ ${limit} ${unit}` };
  }
  const met = measured <= limit;
  return {
    goal,
    measured,
    limit,
    status: met ? 'met' : 'missed',
    detail: `${fmt.ms(measured)} ${unit} (limit ≤ ${limit} ${unit})`,
  };
}

function judge(goal: string, measured: number | null, limit: number, of: string): Goal {
  if (measured === null) {
    return { goal, measured, limit, status: 'not measured', detail: `limit ≤ ${limit}× ${of}` };
  }
  const margin = Math.abs((measured - limit) / limit) * 100;
  const met = measured <= limit;
  return {
    goal,
    measured,
    limit,
    status: met ? 'met' : 'missed',
    detail: `${fmt.ratio(measured)} ${of} (limit ≤ ${limit}×): ${met ? `${margin.toFixed(0)} % under` : `over by ${margin.toFixed(0)} %`}`,
  };
}

function handsGoal(hands: HandsResult | null): Goal {
  const goal = 'Hands: every raise acknowledged, final list holds each participant exactly once';
  if (!hands)
    return { goal, measured: null, limit: 1, status: 'not measured', detail: 'speaking order not available' };
  const ok = hands.acked === hands.participants && hands.duplicates === 0 && hands.withoutFinal === 0;
  return {
    goal,
    measured: hands.acked / hands.participants,
    limit: 1,
    status: ok ? 'met' : 'missed',
    detail: `${hands.acked}/${hands.participants} acknowledged, ${hands.duplicates} duplicate lists, ${hands.withoutFinal} without the final list; final state p99 ${fmt.ms(hands.finalMs.p99)} ms`,
  };
}
