/**
 * The journey map's flows (served as /map-flows.js, bundled with d3-sankey by
 * scripts/buildMapScript.mjs): drawn when /map.js has drawn the map, from
 * GET /v1/reports/flows with the same token, range and filters — and the previous period of
 * the same length, the breakdown by channel, persona or device, when asked. The filters are
 * kept in the page's URL so it can be shared; the token never is.
 */
import type { FlowsReport } from '../../client/flowsReport.ts';
import { byId, clear, count, delta, duration, el, label, number, percent } from './dom.ts';
import { drawFlowDiagram, keyboardNodes, STAGES } from './flowDiagram.ts';
import { drawFlowTables, drawPaths, drawToPurchase } from './flowTables.ts';
import { stageFriction, type FeedbackLike, type FunnelLike } from './friction.ts';
import { download, pngDataUrl, svgDataUrl } from './exportPicture.ts';
import { drawNodeDetails } from './nodeDetails.ts';

interface Drawn {
  params: string;
  token: string;
  funnel: FunnelLike | null;
  feedback: FeedbackLike | null;
}

const FLOW_PARAMS = ['start', 'end', 'steps'] as const;
const DAY = 86_400_000;
let drawn: Drawn | null = null;
let current: FlowsReport | null = null;

async function report(params: URLSearchParams, token: string): Promise<FlowsReport> {
  const response = await fetch(`/v1/reports/flows?${params}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  const body = (await response.json()) as FlowsReport & { error?: string };
  if (!response.ok) throw new Error(body.error ?? response.statusText);
  return body;
}

/** The period of the same length just before [from, to), for date-only ranges. */
function previousPeriod(params: URLSearchParams): URLSearchParams | null {
  const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  const length = Date.parse(to) - Date.parse(from);
  const before = new URLSearchParams(params);
  before.set('from', new Date(Date.parse(from) - length).toISOString().slice(0, 10));
  before.set('to', from);
  return before;
}

function flowParams(base: string): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of FLOW_PARAMS) {
    const value = byId<HTMLInputElement | HTMLSelectElement>(`flow-${name}`).value.trim();
    if (value && !(name === 'steps' && value === '20')) params.set(name, value);
  }
  return params;
}

/** The page's address with every filter and view choice, never the token. */
function shareUrl(params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  if (byId<HTMLInputElement>('flow-compare').checked) query.set('compare', '1');
  const breakdown = byId<HTMLSelectElement>('flow-breakdown-by').value;
  if (breakdown) query.set('breakdown', breakdown);
  if (byId('flow-view').getAttribute('aria-pressed') === 'true') query.set('view', 'table');
  return `${location.pathname}?${query}`;
}

function typeChoices(select: HTMLSelectElement, report: FlowsReport): void {
  const chosen = select.value;
  const types = [...new Set(report.nodes.map((n) => n.type))].sort();
  if (chosen && !types.includes(chosen)) types.push(chosen);
  while (select.options.length > 1) select.remove(1);
  for (const type of types) select.appendChild(el('option', { value: type }, label(type)));
  select.value = chosen;
}

function summary(now: FlowsReport, before: FlowsReport | null): void {
  const box = clear(byId('flow-summary'));
  const part = (key: string, value: number, name: string, was: number | undefined) => {
    const span = el('span', { 'data-flow-figure': key, 'data-value': value }, name);
    if (before) span.appendChild(el('small', { 'data-role': 'delta' }, ` (${delta(value, was)} vs previous period)`));
    box.appendChild(span);
  };
  part('visits', now.visits, count(now.visits, 'visit'), before?.visits);
  part('visitors', now.visitors, count(now.visitors, 'visitor'), before?.visitors);
  part('purchases', now.purchases, `${count(now.purchases, 'purchasing visit')} (${percent(now.visits ? now.purchases / now.visits : null)})`, before?.purchases);
}

async function drawBreakdown(params: URLSearchParams, token: string): Promise<void> {
  const by = byId<HTMLSelectElement>('flow-breakdown-by').value;
  const box = clear(byId('flow-breakdown'));
  if (!by) return;
  const values = [...byId<HTMLSelectElement>(by).options].map((o) => o.value).filter(Boolean);
  const reports = await Promise.all(values.map((value) => {
    const query = new URLSearchParams(params);
    query.set(by, value);
    return report(query, token).then((r) => [value, r] as const);
  }));
  const t = el('table', { 'data-breakdown': by });
  t.appendChild(el('caption', {}, `Flows by ${by}`));
  const head = el('tr');
  for (const h of [by, 'visits', 'purchasing visits', 'purchase rate', 'most exits before purchase', 'median time to purchase']) head.appendChild(el('th', { scope: 'col' }, h));
  t.appendChild(el('thead')).appendChild(head);
  const body = t.appendChild(el('tbody'));
  for (const [value, r] of reports.filter(([, r]) => r.visits > 0)) {
    const row = el('tr', { 'data-segment': value });
    const worst = r.nodes.filter((n) => STAGES.indexOf(n.stage) < 3).sort((a, b) => b.exits - a.exits)[0];
    row.appendChild(el('th', { scope: 'row' }, label(value)));
    row.appendChild(el('td', {}, number.format(r.visits)));
    row.appendChild(el('td', {}, number.format(r.purchases)));
    row.appendChild(el('td', {}, percent(r.visits ? r.purchases / r.visits : null)));
    row.appendChild(el('td', {}, worst ? `${label(worst.type)} (${number.format(worst.exits)}, ${percent(worst.exit_rate)})` : '–'));
    row.appendChild(el('td', {}, duration(r.time_to_purchase.median_ms)));
    body.appendChild(row);
  }
  box.appendChild(t);
}

async function drawFlows(): Promise<void> {
  if (!drawn) return;
  const { token } = drawn;
  const params = flowParams(drawn.params);
  const status = byId('flow-status');
  status.textContent = 'Loading the flows…';
  const started = performance.now();
  try {
    const compare = byId<HTMLInputElement>('flow-compare').checked ? previousPeriod(params) : null;
    const [now, before] = await Promise.all([report(params, token), compare ? report(compare, token) : Promise.resolve(null)]);
    current = now;
    const lanes = stageFriction(drawn.funnel, drawn.feedback);
    const diagram = byId('flow-diagram') as unknown as SVGSVGElement;
    drawFlowDiagram(diagram, now, before, lanes);
    keyboardNodes(diagram, (key) => drawNodeDetails(byId('flow-node'), now, key, params, token));
    drawFlowTables(byId('flow-tables'), now, before, lanes);
    drawPaths(byId('flow-paths'), now, before);
    drawToPurchase(byId('flow-purchase-charts'), byId('flow-purchase-tables'), now, before);
    summary(now, before);
    typeChoices(byId<HTMLSelectElement>('flow-start'), now);
    typeChoices(byId<HTMLSelectElement>('flow-end'), now);
    byId('flow-node').hidden = true;
    byId('flows').hidden = false;
    const url = shareUrl(params);
    history.replaceState(null, '', url);
    byId<HTMLAnchorElement>('flow-link').href = url;
    await drawBreakdown(params, token);
    const ms = Math.round(performance.now() - started);
    status.textContent = `Flows of ${count(now.visits, 'visit')}${before ? `, compared with ${before.from.slice(0, 10)} to ${before.to.slice(0, 10)}` : ''}; drawn in ${ms} ms.`;
    document.body.setAttribute('data-flows-drawn', String(ms));
  } catch (error) {
    status.textContent = `The flows could not be loaded: ${(error as Error).message}`;
  }
}

function tableView(on: boolean): void {
  byId('flow-view').setAttribute('aria-pressed', String(on));
  byId('flow-view').textContent = on ? 'Show the charts' : 'Show as tables';
  byId('flow-chart').hidden = on;
  byId('flow-purchase-charts').hidden = on;
  byId('flow-tables').hidden = !on;
  byId('flow-purchase-tables').hidden = !on;
}

function start(): void {
  const query = new URLSearchParams(location.search);
  for (const name of FLOW_PARAMS) {
    const value = query.get(name);
    const field = byId<HTMLInputElement | HTMLSelectElement>(`flow-${name}`);
    if (value && field instanceof HTMLSelectElement) field.appendChild(el('option', { value }, label(value)));
    if (value) field.value = value;
  }
  byId<HTMLInputElement>('flow-compare').checked = query.get('compare') === '1';
  if (query.get('breakdown')) byId<HTMLSelectElement>('flow-breakdown-by').value = query.get('breakdown')!;
  tableView(query.get('view') === 'table');
  byId('flow-controls').addEventListener('submit', (event) => {
    event.preventDefault();
    void drawFlows();
  });
  for (const id of ['flow-compare', 'flow-breakdown-by']) byId(id).addEventListener('change', () => void drawFlows());
  byId('flow-view').addEventListener('click', () => {
    tableView(byId('flow-view').getAttribute('aria-pressed') !== 'true');
    if (drawn) history.replaceState(null, '', shareUrl(flowParams(drawn.params)));
  });
  const diagram = () => byId('flow-diagram') as unknown as SVGSVGElement;
  const name = () => `waymark-flows-${current?.from.slice(0, 10)}-${current?.to.slice(0, 10)}`;
  byId('flow-svg').addEventListener('click', () => download(svgDataUrl(diagram()), `${name()}.svg`));
  byId('flow-png').addEventListener('click', async () => download(await pngDataUrl(diagram()), `${name()}.png`));
  document.addEventListener('waymark:map-drawn', (event) => {
    drawn = (event as CustomEvent<Drawn>).detail;
    void drawFlows();
  });
}

start();
