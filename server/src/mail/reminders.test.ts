import { describe, expect, it } from 'vitest';
import { dueReminders } from './reminders.js';

const start = Date.parse('2024-02-06T00:00:00.000Z');
const sessions = [
  {
    id: 'g2g',
    label: { en: 'G2G', ja: '' },
    startsAt: '2024-02-06T00:00:00.000Z',
    endsAt: '2024-02-06T02:00:00.000Z',
  },
  {
    id: 'stk',
    label: { en: 'Stakeholders', ja: '' },
    startsAt: '2024-02-14T00:00:00.000Z',
    endsAt: '2024-02-14T02:00:00.000Z',
  },
];
const at = (minutesBefore: number) => start - minutesBefore * 60_000;
const due = (nowMs: number) =>
  dueReminders(sessions, [1440, 60], nowMs).map((d) => [d.session.id, d.minutesBefore]);

describe('dueReminders', () => {
  it('is quiet before the first lead time and after the start', () => {
    expect(due(at(1441))).toEqual([]);
    expect(due(start)).toEqual([]);
  });

  it('names the 24-hour reminder from a day before until an hour before, then the 1-hour one', () => {
    expect(due(at(1440))).toEqual([['g2g', 1440]]);
    expect(due(at(61))).toEqual([['g2g', 1440]]);
    expect(due(at(60))).toEqual([['g2g', 60]]);
    expect(due(at(1))).toEqual([['g2g', 60]]);
  });

  it('treats each session on its own and ignores repeated lead times', () => {
    const secondStart = Date.parse(sessions[1]!.startsAt);
    expect(
      dueReminders(sessions, [60, 60, 1440], secondStart - 30 * 60_000).map((d) => d.session.id),
    ).toEqual(['stk']);
  });
});
