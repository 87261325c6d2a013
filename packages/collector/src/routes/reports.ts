import { Hono } from 'hono';
import { CHANNELS } from '@waymark/schema';
import { httpError } from '../lib/httpError.ts';
import { listParam } from '../lib/listParam.ts';
import { parseInstant } from '../lib/parseInstant.ts';
import { rejectUnknownParams } from '../lib/rejectUnknownParams.ts';
import { readTimeRange } from '../lib/timeRange.ts';
import { localDays } from '../lib/timeZone.ts';
import { exportAuth, type SiteEnv } from '../middleware/exportAuth.ts';
import { funnelReport } from '../reports/funnelReport.ts';
import { journeyReport } from '../reports/journeyReport.ts';
import { readFunnel, readJourney } from '../reports/queries.ts';

/** Day buckets are one JSON parameter; a year and a bit keeps it and the report small. */
const MAX_DAYS = 400;
const MAX_JOURNEY_TOUCHPOINTS = 5000;

/** `/v1/reports/funnel` and `/v1/reports/journey`, with the export token. */
export const reports = new Hono<SiteEnv>();

reports.use('*', exportAuth());

reports.get('/funnel', async (c) => {
  rejectUnknownParams(c, ['site', 'from', 'to', 'tz', 'channel']);
  const { from, to, tz } = readTimeRange(c);
  const channels = listParam(c, 'channel', (v) => (CHANNELS as readonly string[]).includes(v), `one or more of ${CHANNELS.join(', ')}`);
  const days = localDays(from, to, tz);
  if (days.length > MAX_DAYS) throw httpError(400, `the range spans ${days.length} days; a report covers at most ${MAX_DAYS}`);
  const site = c.get('site');
  const rows = await readFunnel(c.env.DB, { siteId: site.id, from, to, channels }, days);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Rows-Read', String(rows.rowsRead));
  return c.json({
    site: site.key,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    tz,
    channel: channels ?? null,
    ...funnelReport(rows),
  });
});

reports.get('/journey', async (c) => {
  rejectUnknownParams(c, ['site', 'visitor', 'from', 'to']);
  const visitor = c.req.query('visitor');
  if (!visitor || visitor.length > 64) throw httpError(400, 'visitor is required: the visitor id of an exported event (1–64 chars)');
  const from = optionalInstant(c.req.query('from'), 'from') ?? 0;
  const to = optionalInstant(c.req.query('to'), 'to') ?? Number.MAX_SAFE_INTEGER;
  if (to <= from) throw httpError(400, 'to must be after from (the range is [from, to))');
  const site = c.get('site');
  const rows = await readJourney(c.env.DB, site.id, visitor, { from, to }, MAX_JOURNEY_TOUCHPOINTS + 1);
  const truncated = rows.length > MAX_JOURNEY_TOUCHPOINTS;
  if (truncated) rows.length = MAX_JOURNEY_TOUCHPOINTS;
  c.header('Cache-Control', 'private, no-store');
  return c.json({ site: site.key, visitor, ...journeyReport(rows, site.key, truncated) });
});

function optionalInstant(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const instant = parseInstant(text);
  if (instant === undefined) throw httpError(400, `${name} ${JSON.stringify(text.slice(0, 64))} is neither ISO-8601 nor epoch ms`);
  return instant;
}
