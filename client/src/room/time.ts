/**
 * A duration as a clock, "4:05" or "1:02:03". Seconds are whole: `round` says whether a part
 * second counts (countdowns round up, so "0:01" shows until the time is really up).
 */
export function formatClock(ms: number, round: 'up' | 'down' = 'down'): string {
  const totalSeconds = round === 'up' ? Math.ceil(Math.abs(ms) / 1000) : Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  const clock = `${mm}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}
