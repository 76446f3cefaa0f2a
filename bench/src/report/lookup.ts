import type { ScenarioName } from '../options.js';
import type { Outcome, ScenarioReport } from '../scenarios/types.js';
import type { TargetName } from '../targets/types.js';

/** The data of one (scenario, variant, target) measurement, when it ran. */
export function dataOf<R>(
  scenarios: ScenarioReport[],
  scenario: ScenarioName,
  variantIndex: number,
  target: TargetName,
): R | null {
  const outcome = outcomeOf<R>(scenarios, scenario, variantIndex, target);
  return outcome?.status === 'ok' ? outcome.data : null;
}

export function outcomeOf<R>(
  scenarios: ScenarioReport[],
  scenario: ScenarioName,
  variantIndex: number,
  target: TargetName,
): Outcome<R> | null {
  const report = scenarios.find((s) => s.name === scenario);
  const outcome = report?.variants[variantIndex]?.results[target];
  return (outcome as Outcome<R> | undefined) ?? null;
}

/** `value / base`, or null when either is missing or the base is zero. */
export function ratio(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value === null || value === undefined || base === null || base === undefined) return null;
  if (!Number.isFinite(value) || !Number.isFinite(base) || base === 0) return null;
  return value / base;
}

export const fmt = {
  ms: (v: number | null | undefined): string =>
    v === null || v === undefined || !Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1),
  ratio: (v: number | null): string => (v === null ? '–' : `${v.toFixed(2)}×`),
  kb: (bytes: number): string => (bytes / 1024).toFixed(1),
  mb: (bytes: number): string => (bytes / 2 ** 20).toFixed(1),
};
