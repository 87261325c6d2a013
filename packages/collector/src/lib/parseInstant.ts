import { zonedToUtc } from './timeZone.ts';

const EPOCH_MS = /^\d{1,15}$/;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An instant given as epoch ms or ISO-8601 (`2025-11-01`, `2025-11-01T09:30`,
 * `2025-11-01T09:30:00.250+01:00`, `…Z`), or undefined when it is neither.
 * A date or time without an offset is a wall-clock time of `zone` (UTC by default), so
 * that `from=2025-11-01&tz=Europe/Paris` starts at midnight in Paris.
 * Impossible dates (`2025-02-30`, `24:00`) are rejected rather than rolled over.
 */
export function parseInstant(text: string, zone = 'UTC'): number | undefined {
  if (EPOCH_MS.test(text)) return Number(text);
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const wallClock = Date.UTC(...fields, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const check = new Date(wallClock);
  const real =
    check.getUTCFullYear() === fields[0] &&
    check.getUTCMonth() === fields[1] &&
    check.getUTCDate() === fields[2] &&
    check.getUTCHours() === fields[3] &&
    check.getUTCMinutes() === fields[4] &&
    check.getUTCSeconds() === fields[5];
  if (!real) return undefined;
  if (offset === undefined) return zone === 'UTC' ? wallClock : zonedToUtc(wallClock, zone);
  if (offset.toUpperCase() === 'Z') return wallClock;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  if (minutes > 18 * 60 || Number(digits.slice(2) || '0') > 59) return undefined;
  return wallClock - sign * minutes * 60_000;
}
