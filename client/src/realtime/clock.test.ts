import { describe, expect, it } from 'vitest';
import { estimateClockOffset } from './clock';

describe('clock offset', () => {
  it('assumes the server read its clock halfway through the round trip', () => {
    expect(estimateClockOffset([{ sentAt: 1000, receivedAt: 1100, serverNow: 6050 }])).toBe(5000);
  });

  it('takes the median, so one slow round trip does not skew every countdown', () => {
    const samples = [
      { sentAt: 0, receivedAt: 20, serverNow: 510 },
      { sentAt: 100, receivedAt: 120, serverNow: 610 },
      { sentAt: 200, receivedAt: 2200, serverNow: 1900 },
    ];
    expect(estimateClockOffset(samples)).toBe(500);
  });

  it('has no estimate without samples', () => {
    expect(estimateClockOffset([])).toBeNull();
  });
});
