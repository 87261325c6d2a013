const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `name` is an IANA time zone the runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at `instant`, ms (Paris in winter: +3 600 000). */
export function zoneOffset(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock of `zone` shows `wallClock` (given as if it were UTC).
 * Two passes settle DST changes; a wall time skipped by a spring-forward lands just after it.
 */
export function zonedToUtc(wallClock: number, zone: string): number {
  const first = wallClock - zoneOffset(wallClock, zone);
  return wallClock - zoneOffset(first, zone);
}

/** A local calendar day of `zone` as `YYYY-MM-DD`, with its instants [start, end). */
export interface LocalDay {
  day: string;
  start: number;
  end: number;
}

/** The local days of `zone` that [from, to) touches, each clipped to the range. */
export function localDays(from: number, to: number, zone: string): LocalDay[] {
  const days: LocalDay[] = [];
  const firstLocal = new Date(from + zoneOffset(from, zone));
  let midnight = Date.UTC(firstLocal.getUTCFullYear(), firstLocal.getUTCMonth(), firstLocal.getUTCDate());
  while (true) {
    const start = zonedToUtc(midnight, zone);
    if (start >= to) break;
    const next = midnight + 86_400_000;
    days.push({ day: new Date(midnight).toISOString().slice(0, 10), start: Math.max(start, from), end: Math.min(zonedToUtc(next, zone), to) });
    midnight = next;
  }
  return days;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, cached);
  }
  return cached;
}
