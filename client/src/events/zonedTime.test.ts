import { describe, expect, it } from 'vitest';
import { isoToWallTime, wallTimeToIso } from './zonedTime';

describe('zoned wall times', () => {
  it('reads 10:00 Japan time as 01:00 UTC', () => {
    expect(wallTimeToIso('2025-05-12T10:00', 'Asia/Tokyo')).toBe('2025-05-12T01:00:00.000Z');
  });

  it('honours daylight saving time in New York', () => {
    expect(wallTimeToIso('2025-07-01T09:30', 'America/New_York')).toBe('2025-07-01T13:30:00.000Z');
    expect(wallTimeToIso('2025-01-15T09:30', 'America/New_York')).toBe('2025-01-15T14:30:00.000Z');
  });

  it('shows an instant as the wall time of the event zone', () => {
    expect(isoToWallTime('2025-05-12T01:00:00Z', 'Asia/Tokyo')).toBe('2025-05-12T10:00');
    expect(isoToWallTime('2025-05-12T10:00:00+09:00', 'Europe/London')).toBe('2025-05-12T02:00');
  });

  it('round-trips wall times across zones', () => {
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC']) {
      const iso = wallTimeToIso('2025-11-02T08:15', zone);
      expect(iso && isoToWallTime(iso, zone)).toBe('2025-11-02T08:15');
    }
  });

  it('refuses malformed input', () => {
    expect(wallTimeToIso('12/05/2025 10:00', 'Asia/Tokyo')).toBeNull();
    expect(isoToWallTime('not a date', 'Asia/Tokyo')).toBe('');
  });
});
