import { describe, expect, it } from 'vitest';
import { formatClock } from './time';

describe('clock text', () => {
  it('shows minutes and seconds', () => {
    expect(formatClock(245_000)).toBe('4:05');
  });

  it('shows hours when a turn or item runs that long', () => {
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });

  it('rounds a countdown up, so the last second shows until the time is really up', () => {
    expect(formatClock(500, 'up')).toBe('0:01');
    expect(formatClock(500)).toBe('0:00');
  });

  it('shows overtime as a positive duration', () => {
    expect(formatClock(-12_300)).toBe('0:12');
  });
});
