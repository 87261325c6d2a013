import { STAGES } from '@waymark/schema';
import type { ExportRow } from './exportRow.ts';

/** The fields of an exported event, in column order (SPEC §6). */
export const RECORD_FIELDS = [
  'id',
  'site',
  'type',
  'stage',
  'ts',
  'received_at',
  'visitor',
  'session',
  'user',
  'url',
  'path',
  'referrer',
  'channel',
  'search_engine',
  'country',
  'device',
  'props',
  'persona',
] as const;

/** Every stored field but `props`, whose stored JSON text is passed through untouched. */
export type RecordScalars = Record<Exclude<(typeof RECORD_FIELDS)[number], 'props' | 'persona'>, string | null>;

/** The record of a row: times as ISO-8601 UTC with `Z`, the stage by name, absent values null. */
export function recordScalars(row: ExportRow, siteKey: string): RecordScalars {
  return {
    id: row.id,
    site: siteKey,
    type: row.type,
    stage: STAGES[row.stage - 1] ?? null,
    ts: new Date(row.ts).toISOString(),
    received_at: new Date(row.ts + row.received_delay).toISOString(),
    visitor: row.visitor,
    session: row.session,
    user: row.user_id,
    url: row.url,
    path: pathOf(row.url),
    referrer: row.referrer,
    channel: row.channel,
    search_engine: row.search_engine,
    country: row.country,
    device: row.device,
  };
}

/**
 * One NDJSON line; `props` is spliced in as stored (already a JSON object's text), then the
 * visitor's persona (a key of `^[a-z][a-z0-9_]*$`, or null).
 */
export function ndjsonLine(row: ExportRow, siteKey: string): string {
  const scalars = JSON.stringify(recordScalars(row, siteKey));
  return `${scalars.slice(0, -1)},"props":${row.props ?? 'null'},"persona":${JSON.stringify(row.persona ?? null)}}\n`;
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}
