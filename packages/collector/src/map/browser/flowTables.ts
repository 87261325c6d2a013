import type { FlowsReport } from '../../client/flowsReport.ts';
import { clear, count, delta, duration, el, label, number, percent } from './dom.ts';
import { nodeKey, STAGES } from './flowDiagram.ts';
import { nodeFriction, type Friction } from './friction.ts';

/** A table with a caption, a header row and rows of cells (text only). */
function table(caption: string, head: string[], rows: (string | number)[][], attrs: (row: number) => Record<string, string> = () => ({})): HTMLTableElement {
  const t = el('table');
  t.appendChild(el('caption', {}, caption));
  const tr = el('tr');
  head.forEach((h) => tr.appendChild(el('th', { scope: 'col' }, h)));
  t.appendChild(el('thead')).appendChild(tr);
  const body = t.appendChild(el('tbody'));
  rows.forEach((cells, i) => {
    const row = el('tr', attrs(i));
    cells.forEach((c, j) => row.appendChild(j === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)));
    body.appendChild(row);
  });
  if (rows.length === 0) body.appendChild(el('tr')).appendChild(el('td', { colspan: head.length }, 'none'));
  return t;
}

/**
 * Every chart of the flows section as tables — the diagram's nodes and links, the loops it
 * lists apart, the paths, the time and visits to purchase, the friction markers — for
 * screen readers and keyboard use; with a previous period, each count has its change.
 */
export function drawFlowTables(target: HTMLElement, report: FlowsReport, previous: FlowsReport | null, lanes: Map<string, Friction[]>): void {
  clear(target);
  const before = new Map((previous?.nodes ?? []).map((n) => [nodeKey(n), n]));
  const compare = previous !== null;
  const change = (now: number, was: number | undefined) => (compare ? [delta(now, was)] : []);
  target.appendChild(
    table(
      'Touchpoints on the stage lanes',
      ['touchpoint', 'stage', 'visits', ...(compare ? ['change'] : []), 'visitors', 'share', 'entries', 'exits', ...(compare ? ['change'] : []), 'exit rate', 'continued', 'time to next stage', 'friction'],
      report.nodes.map((n) => {
        const was = before.get(nodeKey(n));
        return [label(n.type), n.stage, number.format(n.visits), ...change(n.visits, was?.visits), number.format(n.visitors), percent(n.share), number.format(n.entries), number.format(n.exits), ...change(n.exits, was?.exits), percent(n.exit_rate), number.format(n.continued), duration(n.median_ms_to_next_stage), nodeFriction(n)?.text ?? ''];
      }),
      (i) => ({ 'data-node-row': nodeKey(report.nodes[i]!) }),
    ),
  );
  const links = (direction: string) => report.links.filter((l) => (direction === 'forward' ? l.direction === 'forward' : l.direction !== 'forward'));
  const linkKey = (l: FlowsReport['links'][number]) => `${nodeKey(l.from)}>${nodeKey(l.to)}`;
  const linksBefore = new Map((previous?.links ?? []).map((l) => [linkKey(l), l]));
  const moves = (l: FlowsReport['links'][number]) => [number.format(l.visits), ...change(l.visits, linksBefore.get(linkKey(l))?.visits), number.format(l.transitions)];
  target.appendChild(
    table('Moves to a later stage (the diagram’s links)', ['from', 'to', 'visits', ...(compare ? ['change'] : []), 'times'], links('forward').map((l) => [`${label(l.from.type)} (${l.from.stage})`, `${label(l.to.type)} (${l.to.stage})`, ...moves(l)])),
  );
  target.appendChild(
    table(
      'Loops and back-steps (moves within a stage or back, drawn apart from the diagram)',
      ['from', 'to', 'direction', 'visits', ...(compare ? ['change'] : []), 'times'],
      links('other').map((l) => [`${label(l.from.type)} (${l.from.stage})`, `${label(l.to.type)} (${l.to.stage})`, l.direction, ...moves(l)]),
      () => ({ 'data-loop': '' }),
    ),
  );
  target.appendChild(
    table('Friction markers', ['stage', 'marker'], [
      ...STAGES.flatMap((s) => (lanes.get(s) ?? []).map((m) => [s, m.text])),
      ...report.nodes.flatMap((n) => {
        const f = nodeFriction(n);
        return f ? [[n.stage, `${label(n.type)}: ${f.text}`]] : [];
      }),
    ]),
  );
}

/** Top paths to purchase with the `other` bucket, as an ordered list with bars (its table is the list itself); with a previous period, each path's change. */
export function drawPaths(target: HTMLElement, report: FlowsReport, previous: FlowsReport | null): void {
  clear(target);
  const { top, other } = report.paths_to_purchase;
  const before = new Map((previous?.paths_to_purchase.top ?? []).map((p) => [p.path.join(' '), p.visits]));
  const change = (now: number, was: number | undefined) => (previous ? [delta(now, was)] : []);
  const rows = [
    ...top.map((p) => [p.path.map(label).join(' → '), number.format(p.visits), ...change(p.visits, before.get(p.path.join(' '))), percent(p.share)]),
    ...(other.visits > 0 ? [[`other (${number.format(other.paths)} paths)`, number.format(other.visits), ...change(other.visits, previous?.paths_to_purchase.other.visits), percent(other.share)]] : []),
  ];
  const caption = `Paths to purchase (${count(report.purchases, 'purchasing visit')}${previous ? `, ${delta(report.purchases, previous.purchases)} vs previous period` : ''})`;
  target.appendChild(table(caption, ['path', 'visits', ...(previous ? ['change'] : []), 'share'], rows, (i) => ({ 'data-path': String(i) })));
}

/** Time and visits to purchase: median and distribution, as bar charts with their tables; with a previous period, what they were. */
export function drawToPurchase(charts: HTMLElement, tables: HTMLElement, report: FlowsReport, previous: FlowsReport | null): void {
  clear(charts);
  clear(tables);
  const time = report.time_to_purchase;
  const visits = report.visits_to_purchase;
  const was = (text: string) => (previous ? `, was ${text}` : '');
  const timeMedian = `median ${duration(time.median_ms)}${was(duration(previous?.time_to_purchase.median_ms ?? null))}`;
  const visitsMedian = `median ${visits.median ?? '–'}${was(String(previous?.visits_to_purchase.median ?? '–'))}`;
  const timeBefore = new Map((previous?.time_to_purchase.distribution ?? []).map((d) => [d.label, d.buyers]));
  const visitsBefore = new Map((previous?.visits_to_purchase.distribution ?? []).map((d) => [d.visits, d.buyers]));
  const change = (now: number, before: number | undefined) => (previous ? [delta(now, before ?? 0)] : []);
  charts.appendChild(bars(`Time to purchase · ${timeMedian} (${count(time.buyers, 'buyer')})`, time.distribution.map((d) => [d.label, d.buyers])));
  charts.appendChild(bars(`Visits to purchase · ${visitsMedian}`, visits.distribution.map((d) => [`${d.visits} visit${d.visits === '1' ? '' : 's'}`, d.buyers])));
  tables.appendChild(table(`Time to purchase (${timeMedian})`, ['time', 'buyers', ...(previous ? ['change'] : [])], time.distribution.map((d) => [d.label, number.format(d.buyers), ...change(d.buyers, timeBefore.get(d.label))])));
  tables.appendChild(table(`Visits to purchase (${visitsMedian})`, ['visits', 'buyers', ...(previous ? ['change'] : [])], visits.distribution.map((d) => [d.visits, number.format(d.buyers), ...change(d.buyers, visitsBefore.get(d.visits))])));
}

function bars(title: string, rows: [string, number][]): HTMLElement {
  const box = el('figure', { class: 'bars' });
  box.appendChild(el('figcaption', {}, title));
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const list = el('ol');
  for (const [name, value] of rows) {
    const item = el('li');
    item.appendChild(el('span', {}, name));
    const bar = el('meter', { min: 0, max, value, 'aria-label': `${name}: ${value}` });
    item.appendChild(bar);
    item.appendChild(el('b', {}, number.format(value)));
    list.appendChild(item);
  }
  box.appendChild(list);
  return box;
}
