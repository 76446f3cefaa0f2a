import type { BigMinutesResult } from '../scenarios/big-minutes.js';
import type { EditRunResult } from '../scenarios/edit-run.js';
import type { HandsResult } from '../scenarios/hands.js';
import type { MemoryResult } from '../scenarios/memory.js';
import type { Outcome, ScenarioReport, VariantReport } from '../scenarios/types.js';
import { TARGET_NAMES, type TargetName } from '../targets/types.js';
import { fmt } from './lookup.js';

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
type RatioCell = (metric: string) => string;

/** `median× [min–max]` of a figure's per-round ratios to the base target. */
export function ratioCell(variant: VariantReport, target: TargetName, metric: string): string {
  if (target === variant.baseTarget) return '1.00×';
  const spread = variant.ratios[target]?.[metric];
  if (!spread || spread.perRound.length === 0) return '–';
  if (spread.perRound.length === 1) return fmt.ratio(spread.median);
  return `${fmt.ratio(spread.median)} [${spread.min.toFixed(2)}–${spread.max.toFixed(2)}]`;
}

function rowsOf<R>(
  variant: VariantReport,
  columns: number,
  cells: (data: R, base: R | null, r: RatioCell) => Row,
  base: R | null = okData<R>(variant.results.reference),
): Row[] {
  return TARGET_NAMES.flatMap((target) => {
    const outcome = variant.results[target] as Outcome<R> | undefined;
    if (!outcome) return [];
    const r: RatioCell = (metric) => ratioCell(variant, target, metric);
    if (outcome.status === 'ok') return [[variant.label, `**${target}**`, ...cells(outcome.data, base, r)]];
    const reason = `${outcome.status === 'unavailable' ? 'not available' : outcome.status}: ${oneLine(outcome.reason)}`;
    return [[variant.label, `**${target}**`, reason, ...Array<string>(columns - 1).fill('')]];
  });
}

/** A table with one row per (variant, target) of the scenario. */
function scenarioRows<R>(
  report: ScenarioReport,
  header: Row,
  cells: (data: R, base: R | null, r: RatioCell) => Row,
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
export function editTable(report: ScenarioReport): string {
  const base = report.name === 'cross-instance' ? 'single' : 'ref';
  const header = [
    'N',
    'target',
    'last client p50 (ms)',
    'last client p99 (ms)',
    'max (ms)',
    'all deliveries p50 / p99 (ms)',
    'server CPU per edit (ms), median [min–max]',
    `CPU vs ${base}, per round median [min–max]`,
    `p99 vs ${base}, per round median [min–max]`,
    'missing',
    'client / other cores',
  ];
  return scenarioRows<EditRunResult>(report, header, (d, _ref, r) => [
    fmt.ms(d.lastClient.p50),
    fmt.ms(d.lastClient.p99),
    fmt.ms(d.lastClient.max),
    `${fmt.ms(d.deliveries.p50)} / ${fmt.ms(d.deliveries.p99)}`,
    `${d.cpuMsPerEdit.median.toFixed(3)} [${d.cpuMsPerEdit.min.toFixed(3)}–${d.cpuMsPerEdit.max.toFixed(3)}]`,
    r('cpu'),
    r('p99'),
    String(d.missing + d.brokenReaders),
    `${Math.max(...d.reps.map((x) => x.clientCores)).toFixed(2)} / ${Math.max(...d.reps.map((x) => x.otherCores)).toFixed(2)} (load ${d.loadAverage[0]?.toFixed(1) ?? '?'})`,
  ]);
}

export function memoryTable(report: ScenarioReport): string {
  return scenarioRows<MemoryResult>(
    report,
    [
      'connections',
      'target',
      'base RSS (MB): V8 heap reserved / used, external',
      'RSS at each step, GC (MB)',
      'KB per connection (slope): RSS after GC',
      'RSS, no forced GC',
      'JS heap + external',
      'RSS vs ref, per round',
      'heap + external vs ref, per round',
    ],
    (d, _ref, r) => [
      `${fmt.mb(d.base.rss)}: ${fmt.mb(d.base.heapTotal)} / ${fmt.mb(d.base.heapUsed)}, ${fmt.mb(d.base.external)}`,
      d.points.map((p) => fmt.mb(p.rss)).join(' / '),
      fmt.kb(d.perConnection.rss),
      fmt.kb(d.perConnection.rssNoGc),
      fmt.kb(d.perConnection.heapAndExternal),
      r('rss'),
      r('heap'),
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
      'sync vs ref, per round',
      'received vs ref, per round',
    ],
    (d, _ref, r) => [
      fmt.kb(d.encodedBytes),
      d.firstConnect,
      fmt.ms(d.loadMs),
      `${fmt.ms(d.syncMs.p50)} / ${fmt.ms(d.syncMs.max)}`,
      fmt.ms(d.receivedMs.p50),
      r('sync'),
      r('received'),
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

export function scenarioTable(report: ScenarioReport): string {
  switch (report.name) {
    case 'fanout':
    case 'awareness':
    case 'cross-instance':
      return editTable(report);
    case 'memory':
      return memoryTable(report);
    case 'big-minutes':
      return bigMinutesTable(report);
    case 'hands':
      return handsTable(report);
  }
}

export { table };
