/**
 * Conversions between instants and wall-clock times in a named zone. Organizers type session times
 * as the event's local time ("10:00 Japan time"), whatever zone their own browser is in.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Milliseconds the zone is ahead of UTC at instant `utcMs`. */
function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * `"2025-05-12T10:00"` read as wall time in `timeZone` → ISO instant (UTC). Null when malformed.
 * A wall time skipped by a DST jump resolves to the instant after the jump.
 */
export function wallTimeToIso(wallTime: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const part = (index: number) => Number(match[index]);
  const asUtc = Date.UTC(part(1), part(2) - 1, part(3), part(4), part(5));
  // The offset depends on the instant we are looking for: guess, then correct once for DST edges.
  let instant = asUtc - zoneOffsetMs(timeZone, asUtc);
  instant = asUtc - zoneOffsetMs(timeZone, instant);
  return new Date(instant).toISOString();
}

/** ISO instant → `"YYYY-MM-DDTHH:mm"` wall time in `timeZone`, for `<input type="datetime-local">`. */
export function isoToWallTime(iso: string, timeZone: string): string {
  const utcMs = Date.parse(iso);
  if (Number.isNaN(utcMs)) return '';
  const local = new Date(utcMs + zoneOffsetMs(timeZone, utcMs));
  return local.toISOString().slice(0, 16);
}
