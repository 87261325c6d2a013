import type { Context } from 'hono';
import { CHANNELS, CUSTOM_TYPE_PATTERN, STAGES } from '@waymark/schema';
import { httpError } from '../lib/httpError.ts';
import { deviceParam, personaParam } from '../lib/filterParams.ts';
import { listParam } from '../lib/listParam.ts';
import { readTimeRange } from '../lib/timeRange.ts';
import { decodeCursor, type Position } from './cursor.ts';

export const EXPORT_PARAMS = ['site', 'from', 'to', 'tz', 'stage', 'type', 'channel', 'device', 'persona', 'format', 'limit', 'cursor'] as const;
export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

export type ExportFormat = 'ndjson' | 'csv';

export interface ExportParams {
  from: number;
  to: number;
  stages: number[] | undefined;
  types: string[] | undefined;
  channels: string[] | undefined;
  devices: string[] | undefined;
  personas: string[] | undefined;
  format: ExportFormat;
  limit: number;
  /** The last row of the previous page; before the first row of the range without a cursor. */
  after: Position;
}

/** The export query, checked; every mistake is a 400 that names the parameter. */
export function readExportParams(c: Context, personaKeys: readonly string[]): ExportParams {
  const { from, to } = readTimeRange(c);
  const stages = listParam(c, 'stage', (v) => (STAGES as readonly string[]).includes(v), `one or more of ${STAGES.join(', ')}`);
  const types = listParam(c, 'type', (v) => CUSTOM_TYPE_PATTERN.test(v), 'event types such as cart_add,order_complete');
  const channels = listParam(c, 'channel', (v) => (CHANNELS as readonly string[]).includes(v), `one or more of ${CHANNELS.join(', ')}`);

  const devices = deviceParam(c);
  const personas = personaParam(c, personaKeys);

  const format = c.req.query('format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw httpError(400, 'format must be ndjson or csv');

  const limitText = c.req.query('limit') ?? String(DEFAULT_LIMIT);
  const limit = /^\d{1,6}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw httpError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);

  const cursorText = c.req.query('cursor');
  let after: Position = { ts: from, id: '' };
  if (cursorText !== undefined) {
    const cursor = decodeCursor(cursorText);
    if (!cursor) throw httpError(400, 'cursor is not valid: pass the one of a Link rel="next" header unchanged');
    after = cursor;
  }
  return {
    from,
    to,
    stages: stages?.map((name) => (STAGES as readonly string[]).indexOf(name) + 1),
    types,
    channels,
    devices,
    personas,
    format,
    limit,
    after,
  };
}
