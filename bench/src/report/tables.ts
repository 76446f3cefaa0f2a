import type { BigMinutesResult } from '../scenarios/big-minutes.js';
import type { EditRunResult } from '../scenarios/edit-run.js';
import type { HandsResult } from '../scenarios/hands.js';
import type { MemoryResult } from '../scenarios/memory.js';
import type { Outcome, ScenarioReport, VariantReport } from '../scenarios/types.js';
import { TARGET_NAMES } from '../targets/types.js';
import { fmt, ratio } from './lookup.js';

type Row = string[];

function table(header: Row, rows: Row[]): string {
  const line = (cells: Row): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function okData<R>(outcome: Outcome<unknown> | undefined): R | null {
  return outcome?.status === 'ok' ? (outcome.data as R) : null;
}

/**
 * The rows of one variant, target by target, with non-measurements spelled out. Ratios are to
 * `base` (the reference of the same variant unless given).
 */
function rowsOf<R>(
  variant: VariantReport,
  columns: number,
  cells: (data: R, base: R | null) => Row,
  base: R | null = okData<R>(variant.results.reference),
): Row[] {
  return TARGET_NAMES.flatMap((target) => {
    const outcome = variant.results[target] as Outcome<R> | undefined;
    if (!outcome) return [];
    if (outcome.status === 'ok') return [[variant.label, `**${target}**`, ...cells(outcome.data, base)]];
    const reason = `${outcome.status === 'unavailable' ? 'not available' : outcome.status}: ${oneLine(outcome.reason)}`;
    return [[variant.label, `**${target}**`, reason, ...Array<string>(columns - 1).fill('')]];
  });
}

/** A table with one row per (variant, target) of the scenario. */
function scenarioRows<R>(
  report: ScenarioReport,
  header: Row,
  cells: (data: R, base: R | null) => Row,
  baseOf?: (variant: VariantReport) => R | null,
): string {
  const rows = report.variants.flatMap((variant) =>
    rowsOf<R>(variant, header.length - 2, cells, baseOf ? baseOf(variant) : undefined),
  );
  return table(header, rows);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 160);
}

/**
 * Fan-out, awareness and cross-instance. Cross-instance compares with single-instance Roundtable
 * at the same N in the fan-out scenario of the same run (the "≤ 2× single-instance").
 */
export function editTable(report: ScenarioReport, all: ScenarioReport[]): string {
  const fanout = all.find((s) => s.name === 'fanout');
  const baseOf = (variant: VariantReport): EditRunResult | null =>
    report.name === 'cross-instance'
      ? okData<EditRunResult>(fanout?.variants.find((v) => v.label === variant.label)?.results.roundtable)
      : okData<EditRunResult>(variant.results.reference);
  const base = report.name === 'cross-instance' ? 'single' : 'ref';
  const header = [
    'N',
    'target',
    'last client p50 (ms)',
    'last client p99 (ms)',
    'max (ms)',
    'all deliveries p50 / p99 (ms)',
    'server CPU per edit (ms), median [min–max]',
    `CPU vs ${base}`,
    `p99 vs ${base}`,
    'missing',
    'client / other cores',
  ];
  return scenarioRows<EditRunResult>(
    report,
    header,
    (d, ref) => [
      fmt.ms(d.lastClient.p50),
      fmt.ms(d.lastClient.p99),
      fmt.ms(d.lastClient.max),
      `${fmt.ms(d.deliveries.p50)} / ${fmt.ms(d.deliveries.p99)}`,
      `${d.cpuMsPerEdit.median.toFixed(3)} [${d.cpuMsPerEdit.min.toFixed(3)}–${d.cpuMsPerEdit.max.toFixed(3)}]`,
      fmt.ratio(ratio(d.cpuMsPerEdit.median, ref?.cpuMsPerEdit.median)),
      fmt.ratio(ratio(d.lastClient.p99, ref?.lastClient.p99)),
      String(d.missing + d.brokenReaders),
      `${Math.max(...d.reps.map((r) => r.clientCores)).toFixed(2)} / ${Math.max(...d.reps.map((r) => r.otherCores)).toFixed(2)}`,
    ],
    baseOf,
  );
}

export function memoryTable(report: ScenarioReport): string {
  return scenarioRows<MemoryResult>(
    report,
    [
      'connections',
      'target',
      'RSS before → after, GC (MB)',
      'KB per connection: RSS after GC',
      'RSS, no forced GC',
      'JS heap + external',
      'RSS vs ref',
    ],
    (d, ref) => [
      `${fmt.mb(d.before.rss)} → ${fmt.mb(d.after.rss)}`,
      fmt.kb(d.perConnection.rss),
      fmt.kb(d.perConnection.rssNoGc),
      fmt.kb(d.perConnection.heapAndExternal),
      fmt.ratio(ratio(d.perConnection.rss, ref?.perConnection.rss)),
    ],
  );
}

export function bigMinutesTable(report: ScenarioReport): string {
  return scenarioRows<BigMinutesResult>(
    report,
    [
      'document',
      'target',
      'encoded (KB)',
      'first connect',
      'first connect → synced (ms)',
      'fresh client → synced p50 / max (ms)',
      '→ step 2 received p50 (ms)',
      'sync vs ref',
      'received vs ref',
    ],
    (d, ref) => [
      fmt.kb(d.encodedBytes),
      d.firstConnect,
      fmt.ms(d.loadMs),
      `${fmt.ms(d.syncMs.p50)} / ${fmt.ms(d.syncMs.max)}`,
      fmt.ms(d.receivedMs.p50),
      fmt.ratio(ratio(d.syncMs.p50, ref?.syncMs.p50)),
      fmt.ratio(ratio(d.receivedMs.p50, ref?.receivedMs.p50)),
    ],
  );
}

export function handsTable(report: ScenarioReport): string {
  return scenarioRows<HandsResult>(
    report,
    [
      'participants',
      'target',
      'acknowledged',
      'refused',
      'duplicate lists',
      'without final list',
      'raise window (ms)',
      'raise → ack p50 / p99 (ms)',
      'last raise → final list p50 / p99 (ms)',
    ],
    (d) => [
      `${d.acked}/${d.participants}`,
      d.refused.length ? oneLine(d.refused.join(', ')) : '0',
      String(d.duplicates),
      String(d.withoutFinal),
      fmt.ms(d.raiseWindowMs),
      `${fmt.ms(d.ackMs.p50)} / ${fmt.ms(d.ackMs.p99)}`,
      `${fmt.ms(d.finalMs.p50)} / ${fmt.ms(d.finalMs.p99)}`,
    ],
  );
}

export function scenarioTable(report: ScenarioReport, all: ScenarioReport[]): string {
  switch (report.name) {
    case 'fanout':
    case 'awareness':
    case 'cross-instance':
      return editTable(report, all);
    case 'memory':
      return memoryTable(report);
    case 'big-minutes':
      return bigMinutesTable(report);
    case 'hands':
      return handsTable(report);
  }
}

export { table };
