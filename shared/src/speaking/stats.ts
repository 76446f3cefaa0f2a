import { z } from 'zod';
import { CategorySchema } from '../domain/people.js';
import { floorElapsedMs } from './order.js';
import type { Speaker, SpeakingState } from './state.js';

const TotalsSchema = z.object({ totalMs: z.number().min(0), turns: z.number().int().min(0) });

export const PersonStatsSchema = TotalsSchema.extend({
  personId: z.string(),
  name: z.string(),
  delegationId: z.string().nullable(),
  side: z.string().nullable(),
  category: CategorySchema.nullable(),
});
export const DelegationStatsSchema = TotalsSchema.extend({
  delegationId: z.string().nullable(),
  side: z.string().nullable(),
  category: CategorySchema.nullable(),
});
export const SideStatsSchema = TotalsSchema.extend({ side: z.string().nullable() });

/**
 * Speaking time and turns per person, delegation and side. The running turn counts with the time
 * spoken so far, so the balance is live; `totalMs` is the sum of every turn.
 */
export const SpeakingStatsSchema = TotalsSchema.extend({
  generatedAt: z.number(),
  byPerson: z.array(PersonStatsSchema),
  byDelegation: z.array(DelegationStatsSchema),
  bySide: z.array(SideStatsSchema),
});
export type SpeakingStats = z.infer<typeof SpeakingStatsSchema>;
export type PersonStats = z.infer<typeof PersonStatsSchema>;
export type DelegationStats = z.infer<typeof DelegationStatsSchema>;
export type SideStats = z.infer<typeof SideStatsSchema>;

function add<T extends { totalMs: number; turns: number }>(
  map: Map<string, T>,
  key: string,
  init: () => T,
  ms: number,
): void {
  let row = map.get(key);
  if (!row) {
    row = init();
    map.set(key, row);
  }
  row.totalMs += ms;
  row.turns += 1;
}

const byTimeDesc = (a: { totalMs: number }, b: { totalMs: number }) => b.totalMs - a.totalMs;

/** Aggregates the history (and the running turn) into per-person, per-delegation and per-side totals. */
export function computeSpeakingStats(state: SpeakingState, now: number): SpeakingStats {
  const turns: Array<{ speaker: Speaker; ms: number }> = state.history.map((t) => ({
    speaker: t,
    ms: t.durationMs,
  }));
  if (state.floor) turns.push({ speaker: state.floor, ms: floorElapsedMs(state.floor, now) });
  const people = new Map<string, PersonStats>();
  const delegations = new Map<string, DelegationStats>();
  const sides = new Map<string, SideStats>();
  let totalMs = 0;
  for (const { speaker: s, ms } of turns) {
    totalMs += ms;
    add(
      people,
      s.personId,
      () => ({ ...pick(s), personId: s.personId, name: s.name, totalMs: 0, turns: 0 }),
      ms,
    );
    add(delegations, s.delegationId ?? '', () => ({ ...pick(s), totalMs: 0, turns: 0 }), ms);
    add(sides, s.side ?? '', () => ({ side: s.side, totalMs: 0, turns: 0 }), ms);
  }
  return {
    generatedAt: now,
    totalMs,
    turns: turns.length,
    byPerson: [...people.values()].sort(byTimeDesc),
    byDelegation: [...delegations.values()].sort(byTimeDesc),
    bySide: [...sides.values()].sort(byTimeDesc),
  };
}

function pick(s: Speaker) {
  return { delegationId: s.delegationId, side: s.side, category: s.category };
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Leading =,+,-,@ would run as formulas in spreadsheets; quote and neutralize them.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV with a row per person, delegation and side (`scope` tells which). */
export function speakingStatsToCsv(stats: SpeakingStats): string {
  const rows: Array<Array<string | number | null>> = [
    ['scope', 'person_id', 'name', 'delegation_id', 'side', 'category', 'turns', 'total_seconds'],
  ];
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  for (const p of stats.byPerson) {
    rows.push([
      'person',
      p.personId,
      p.name,
      p.delegationId,
      p.side,
      p.category,
      p.turns,
      seconds(p.totalMs),
    ]);
  }
  for (const d of stats.byDelegation) {
    rows.push(['delegation', null, null, d.delegationId, d.side, d.category, d.turns, seconds(d.totalMs)]);
  }
  for (const s of stats.bySide)
    rows.push(['side', null, null, null, s.side, null, s.turns, seconds(s.totalMs)]);
  rows.push(['total', null, null, null, null, null, stats.turns, seconds(stats.totalMs)]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
