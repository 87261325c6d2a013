import type { Context } from 'hono';
import { httpError } from './httpError.ts';
import { parseInstant } from './parseInstant.ts';
import { isTimeZone } from './timeZone.ts';

export interface TimeRange {
  /** Inclusive, ms. */
  from: number;
  /** Exclusive, ms. */
  to: number;
  /** IANA zone of offset-less times and of day buckets. */
  tz: string;
}

/** `from`, `to` (required; ISO-8601 or epoch ms) and `tz` of the query, or a 400 that says what is wrong. */
export function readTimeRange(c: Context): TimeRange {
  const tz = c.req.query('tz') ?? 'UTC';
  if (!isTimeZone(tz)) throw httpError(400, `tz ${JSON.stringify(tz)} is not an IANA time zone such as Europe/Paris or UTC`);
  const from = readInstant(c, 'from', tz);
  const to = readInstant(c, 'to', tz);
  if (to <= from) throw httpError(400, 'to must be after from (the range is [from, to))');
  return { from, to, tz };
}

function readInstant(c: Context, name: 'from' | 'to', tz: string): number {
  const text = c.req.query(name);
  if (text === undefined || text === '') {
    throw httpError(400, `${name} is required: ISO-8601 (2025-11-01, 2025-11-01T09:30:00Z) or epoch ms`);
  }
  const instant = parseInstant(text, tz);
  if (instant === undefined || instant > 8_640_000_000_000_000) {
    throw httpError(400, `${name} ${JSON.stringify(text.slice(0, 64))} is neither ISO-8601 (2025-11-01T09:30:00Z) nor epoch ms`);
  }
  return instant;
}
