import { Hono, type Context } from 'hono';
import { CHANNELS, CUSTOM_TYPE_PATTERN } from '@waymark/schema';
import { httpError } from '../lib/httpError.ts';
import { deviceParam, personaParam } from '../lib/filterParams.ts';
import { listParam } from '../lib/listParam.ts';
import { parseInstant } from '../lib/parseInstant.ts';
import { rejectUnknownParams } from '../lib/rejectUnknownParams.ts';
import { readTimeRange } from '../lib/timeRange.ts';
import { localDays, zoneOffset, type LocalDay } from '../lib/timeZone.ts';
import { exportAuth, type SiteEnv } from '../middleware/exportAuth.ts';
import { readVisitPaths } from '../flows/queries.ts';
import { feedbackReport } from '../reports/feedbackReport.ts';
import { DEFAULT_STEPS, flowsReport, MAX_STEPS } from '../reports/flowsReport.ts';
import { funnelReport } from '../reports/funnelReport.ts';
import { journeyReport } from '../reports/journeyReport.ts';
import { personaReport } from '../reports/personaReport.ts';
import { readFeedback, readFunnel, readJourney, type DayHours, type FunnelScope } from '../reports/queries.ts';
import { readPersonaRows, readVisitorFeatures } from '../personas/queries.ts';
import { personaCaseSql } from '../personas/personaSql.ts';
import { sitePersonas } from '../personas/sitePersonas.ts';
import { visitorFeatureSql } from '../personas/visitorFeatureSql.ts';
import { visitorPersonas } from '../personas/visitorPersonas.ts';

/** Day buckets are one JSON parameter; a year and a bit keeps it and the report small. */
const MAX_DAYS = 400;
const MAX_JOURNEY_TOUCHPOINTS = 5000;
const HOUR = 3_600_000;

/** `/v1/reports/funnel`, `/personas`, `/feedback`, `/flows` and `/journey`, with the export token. */
export const reports = new Hono<SiteEnv>();

reports.use('*', exportAuth());

reports.get('/funnel', async (c) => {
  const { scope, days, echo } = reportScope(c);
  const rows = await readFunnel(c.env.DB, scope, days);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Rows-Read', String(rows.rowsRead));
  return c.json({ ...echo, ...funnelReport(rows) });
});

reports.get('/feedback', async (c) => {
  const { scope, days, echo } = reportScope(c);
  const rows = await readFeedback(c.env.DB, scope, days);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Rows-Read', String(rows.rowsRead));
  return c.json({ ...echo, ...feedbackReport(rows, days.map((d) => d.day)) });
});

reports.get('/personas', async (c) => {
  // Grouped by persona, so not filtered by one.
  const { scope, echo } = reportScope(c, { personaFilter: false });
  const site = c.get('site');
  const rows = await readPersonaRows(c.env.DB, { ...scope, now: scope.persona.now }, sitePersonas(site));
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Rows-Read', String(rows.rowsRead));
  return c.json({ ...echo, default_personas: site.personas === null, ...personaReport(sitePersonas(site), rows) });
});

reports.get('/flows', async (c) => {
  const { scope, echo } = reportScope(c, { extra: ['start', 'end', 'steps'] });
  const options = { start: touchpointParam(c, 'start'), end: touchpointParam(c, 'end'), steps: stepsParam(c) };
  const { visits, rowsRead } = await readVisitPaths(c.env.DB, scope);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Rows-Read', String(rowsRead));
  return c.json({ ...echo, ...flowsReport(visits, options) });
});

reports.get('/journey', async (c) => {
  rejectUnknownParams(c, ['site', 'visitor', 'from', 'to']);
  const visitor = c.req.query('visitor');
  if (!visitor || visitor.length > 64) throw httpError(400, 'visitor is required: the visitor id of an exported event (1–64 chars)');
  const from = optionalInstant(c.req.query('from'), 'from') ?? 0;
  const to = optionalInstant(c.req.query('to'), 'to') ?? Number.MAX_SAFE_INTEGER;
  if (to <= from) throw httpError(400, 'to must be after from (the range is [from, to))');
  const site = c.get('site');
  const [rows, features] = await Promise.all([
    readJourney(c.env.DB, site.id, visitor, { from, to }, MAX_JOURNEY_TOUCHPOINTS + 1),
    readVisitorFeatures(c.env.DB, site.id, visitor, Date.now()),
  ]);
  const truncated = rows.length > MAX_JOURNEY_TOUCHPOINTS;
  if (truncated) rows.length = MAX_JOURNEY_TOUCHPOINTS;
  c.header('Cache-Control', 'private, no-store');
  return c.json({
    site: site.key,
    visitor,
    ...journeyReport(rows, site.key, truncated),
    personas: features === null ? null : visitorPersonas(sitePersonas(site), features),
  });
});

/**
 * What the reports share: whole-hour range, zone, days and the visitor filters, read from
 * the query (400 on anything wrong), and the echo of them that opens the report.
 */
function reportScope(
  c: Context<SiteEnv>,
  { personaFilter = true, extra = [] as string[] } = {},
): { scope: FunnelScope; days: DayHours[]; echo: Record<string, unknown> } {
  rejectUnknownParams(c, ['site', 'from', 'to', 'tz', 'channel', 'device', ...(personaFilter ? ['persona'] : []), ...extra]);
  const site = c.get('site');
  const rules = sitePersonas(site);
  const { from, to, tz } = readTimeRange(c);
  const channels = channelParam(c);
  const devices = deviceParam(c);
  const personas = personaFilter ? personaParam(c, rules.map((p) => p.key)) : undefined;
  const days = localDays(from, to, tz);
  if (days.length > MAX_DAYS) throw httpError(400, `the range spans ${days.length} days; a report covers at most ${MAX_DAYS}`);
  const hours = wholeHours(from, to, tz);
  const persona = { ...personaCaseSql(rules, visitorFeatureSql(6), 7), now: Date.now() };
  return {
    scope: { siteId: site.id, ...hours, channels, devices, personas, persona },
    days: days.map((d) => ({ day: d.day, ...hoursOfDay(d, tz) })),
    echo: {
      site: site.key,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      tz,
      channel: channels ?? null,
      device: devices ?? null,
      ...(personaFilter ? { persona: personas ?? null } : {}),
    },
  };
}

function channelParam(c: Context) {
  return listParam(c, 'channel', (v) => (CHANNELS as readonly string[]).includes(v), `one or more of ${CHANNELS.join(', ')}`);
}

/** `start=` / `end=`: a touchpoint type (web vitals and feedback prompts are measurements, never on a path). */
function touchpointParam(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!CUSTOM_TYPE_PATTERN.test(value) || value === 'web_vitals' || value === 'feedback_prompt') {
    throw httpError(400, `${name} ${JSON.stringify(value.slice(0, 64))} is not a touchpoint type (lower-case letters, digits and _, e.g. product_view)`);
  }
  return value;
}

/** `steps=`: how many touchpoints of each visit the flows follow. */
function stepsParam(c: Context): number {
  const value = c.req.query('steps');
  if (value === undefined) return DEFAULT_STEPS;
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_STEPS) {
    throw httpError(400, `steps ${JSON.stringify(value.slice(0, 16))} must be a whole number from 1 to ${MAX_STEPS}`);
  }
  return Number(value);
}

/** Reports read hourly rollups: a range must start and end on whole UTC hours. */
function wholeHours(from: number, to: number, tz: string) {
  if (zoneOffset(from, tz) % HOUR !== 0 || zoneOffset(to, tz) % HOUR !== 0) throw offHourZone(tz);
  for (const [name, instant] of [['from', from], ['to', to]] as const) {
    if (instant % HOUR !== 0) {
      throw httpError(400, `${name} ${new Date(instant).toISOString()} is not on a whole hour: reports are kept per hour (use e.g. 2025-11-01T09:00)`);
    }
  }
  return { fromHour: from / HOUR, toHour: to / HOUR };
}

function hoursOfDay(day: LocalDay, tz: string) {
  if (day.start % HOUR !== 0 || day.end % HOUR !== 0) throw offHourZone(tz);
  return { start: day.start / HOUR, end: day.end / HOUR };
}

function offHourZone(tz: string) {
  return httpError(400, `tz ${tz} starts its days off the whole UTC hour, and reports are kept per hour: use a zone with a whole-hour offset, or UTC`);
}

function optionalInstant(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const instant = parseInstant(text);
  if (instant === undefined) throw httpError(400, `${name} ${JSON.stringify(text.slice(0, 64))} is neither ISO-8601 nor epoch ms`);
  return instant;
}
