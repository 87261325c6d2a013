import { Hono } from 'hono';
import type { ExportRow } from '../export/exportRow.ts';
import { csvLine, CSV_HEADER } from '../export/csv.ts';
import { encodeCursor } from '../export/cursor.ts';
import { EXPORT_PARAMS, readExportParams, type ExportFormat } from '../export/exportParams.ts';
import { openExportPage } from '../export/exportPage.ts';
import { ndjsonLine } from '../export/exportRecord.ts';
import { rejectUnknownParams } from '../lib/rejectUnknownParams.ts';
import { sitePersonas } from '../personas/sitePersonas.ts';
import { textStream } from '../lib/textStream.ts';
import { exportAuth, type SiteEnv } from '../middleware/exportAuth.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/**
 * `GET /v1/export`: a site's events in [from, to), ordered by (ts, id), one page per
 * request streamed as NDJSON or CSV; `Link: <…>; rel="next"` while rows remain.
 */
export const eventExport = new Hono<SiteEnv>();

eventExport.use('*', exportAuth());

eventExport.get('/', async (c) => {
  rejectUnknownParams(c, EXPORT_PARAMS);
  const site = c.get('site');
  const rules = sitePersonas(site);
  const params = readExportParams(c, rules.map((p) => p.key));
  const selection = {
    siteId: site.id,
    from: params.from,
    to: params.to,
    stages: params.stages,
    types: params.types,
    channels: params.channels,
    devices: params.devices,
    personas: params.personas,
    persona: { rules, now: Date.now() },
  };
  const page = await openExportPage(c.env.DB, selection, params.after, params.limit);

  const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[params.format], 'Cache-Control': 'private, no-store' };
  if (page.next) {
    const next = new URL(c.req.url);
    next.searchParams.set('cursor', encodeCursor(page.next));
    headers.Link = `<${next.href}>; rel="next"`;
  }
  return c.body(textStream(encodePage(page.chunks, params.format, site.key)), 200, headers);
});

async function* encodePage(chunks: AsyncIterable<ExportRow[]>, format: ExportFormat, siteKey: string): AsyncIterable<string> {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  if (format === 'csv') yield CSV_HEADER;
  for await (const rows of chunks) {
    let text = '';
    for (const row of rows) text += line(row, siteKey);
    yield text;
  }
}
