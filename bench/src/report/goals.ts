import type { BigMinutesResult } from '../scenarios/big-minutes.js';
import type { EditRunResult } from '../scenarios/edit-run.js';
import type { HandsResult } from '../scenarios/hands.js';
import type { MemoryResult } from '../scenarios/memory.js';
import type { ScenarioReport } from '../scenarios/types.js';
import type { TargetName } from '../targets/types.js';
import { dataOf, fmt, ratio } from './lookup.js';

export interface Goal {
  goal: string;
  /** Ratio (or value) measured, null when not measured. */
  measured: number | null;
  limit: number;
  status: 'met' | 'missed' | 'not measured';
  detail: string;
}

/** Issue 3 item 8's targets (and issue 4's hands guarantees), judged on this run's figures. */
export function evaluateGoals(scenarios: ScenarioReport[]): Goal[] {
  const goals: Goal[] = [];
  const variantsOf = (name: string): number => scenarios.find((s) => s.name === name)?.variants.length ?? 0;
  const edit = (scenario: 'fanout' | 'awareness' | 'cross-instance', v: number, target: TargetName) =>
    dataOf<EditRunResult>(scenarios, scenario, v, target);
  const labelOf = (name: string, v: number): string =>
    scenarios.find((s) => s.name === name)?.variants[v]?.label ?? '';

  const lastFanout = variantsOf('fanout') - 1;
  goals.push(
    judge(
      `Server CPU per edit, fan-out ${labelOf('fanout', lastFanout)}`,
      ratio(
        edit('fanout', lastFanout, 'roundtable')?.cpuMsPerEdit.median,
        edit('fanout', lastFanout, 'reference')?.cpuMsPerEdit.median,
      ),
      0.7,
      'of the reference',
    ),
  );
  const lastAwareness = variantsOf('awareness') - 1;
  goals.push(
    judge(
      `Server CPU, awareness ${labelOf('awareness', lastAwareness)}`,
      ratio(
        edit('awareness', lastAwareness, 'roundtable')?.cpuMsPerEdit.median,
        edit('awareness', lastAwareness, 'reference')?.cpuMsPerEdit.median,
      ),
      0.3,
      'of the reference',
    ),
  );
  for (const scenario of ['fanout', 'awareness'] as const) {
    for (let v = 0; v < variantsOf(scenario); v++) {
      goals.push(
        judge(
          `p99 latency to the last client, ${scenario} ${labelOf(scenario, v)}`,
          ratio(
            edit(scenario, v, 'roundtable')?.lastClient.p99,
            edit(scenario, v, 'reference')?.lastClient.p99,
          ),
          1.0,
          'of the reference',
        ),
      );
    }
  }
  for (let v = 0; v < variantsOf('cross-instance'); v++) {
    const single = scenarios
      .find((s) => s.name === 'fanout')
      ?.variants.findIndex((variant) => variant.label === labelOf('cross-instance', v));
    goals.push(
      judge(
        `Cross-instance p99 to the last client, ${labelOf('cross-instance', v)}`,
        ratio(
          edit('cross-instance', v, 'roundtable-2x')?.lastClient.p99,
          single === undefined || single < 0 ? null : edit('fanout', single, 'roundtable')?.lastClient.p99,
        ),
        2.0,
        'of single-instance Roundtable (fan-out, same N)',
      ),
    );
  }
  for (let v = 0; v < variantsOf('memory'); v++) {
    goals.push(
      judge(
        `RSS per idle connection, ${labelOf('memory', v)}`,
        ratio(
          dataOf<MemoryResult>(scenarios, 'memory', v, 'roundtable')?.perConnection.rss,
          dataOf<MemoryResult>(scenarios, 'memory', v, 'reference')?.perConnection.rss,
        ),
        1.0,
        'of the reference',
      ),
    );
  }
  goals.push(
    judge(
      'Big minutes: fresh client connect → synced (p50)',
      ratio(
        dataOf<BigMinutesResult>(scenarios, 'big-minutes', 0, 'roundtable')?.syncMs.p50,
        dataOf<BigMinutesResult>(scenarios, 'big-minutes', 0, 'reference')?.syncMs.p50,
      ),
      0.5,
      'of the reference',
    ),
  );
  const hands = dataOf<HandsResult>(scenarios, 'hands', 0, 'roundtable');
  goals.push(handsGoal(hands));
  return goals;
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
