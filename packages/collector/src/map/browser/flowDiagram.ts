import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { FlowNode, FlowsReport } from '../../client/flowsReport.ts';
import { clear, count, delta, label, number, percent, svg } from './dom.ts';
import { nodeFriction, type Friction } from './friction.ts';

export const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'loyalty'];
/** Stage colours: the funnel's, written as attributes so an exported picture keeps them. */
const COLOURS = ['#3867d6', '#4b7bec', '#8854d0', '#20bf6b', '#0fb9b1'];
const EXIT = '#c0392b';
const INK = '#1d2433';
const MUTED = '#5b6475';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const WIDTH = 1160;
const LABEL_ROOM = 230;
const TOP = 64;

export const nodeKey = (node: { stage: string; type: string }) => `${node.stage}:${node.type}`;

interface LaidNode extends FlowNode {
  id: string;
  fixedValue: number;
  anchor?: boolean;
}

/**
 * The flow diagram: d3-sankey lays the nodes out on the five stage lanes (a node's column is
 * its stage) with the forward links between them. Loops and back-steps are not a flow
 * diagram's shape (d3-sankey refuses cycles): they are listed apart, under the diagram.
 * Each node's bar turns red for the share of visits that ended there.
 */
export function drawFlowDiagram(target: SVGSVGElement, report: FlowsReport, previous: FlowsReport | null, lanes: Map<string, Friction[]>): void {
  clear(target);
  const before = new Map((previous?.nodes ?? []).map((n) => [nodeKey(n), n]));
  const perLane = Math.max(1, ...STAGES.map((s) => report.nodes.filter((n) => n.stage === s).length));
  const height = Math.max(360, TOP + perLane * 74 + 20);
  target.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
  target.setAttribute('width', String(WIDTH));
  target.setAttribute('height', String(height));
  target.setAttribute('font-family', FONT);
  target.appendChild(svg('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#ffffff' }));
  const title = svg('title', {}, `Flows between touchpoints, ${report.from.slice(0, 10)} to ${report.to.slice(0, 10)}: ${count(report.visits, 'visit')}`);
  target.appendChild(title);

  const laneWidth = (WIDTH - LABEL_ROOM - 16) / 4;
  STAGES.forEach((stage, i) => {
    const x = 8 + i * laneWidth;
    const lane = svg('g', { 'data-lane': stage });
    lane.appendChild(svg('text', { x, y: 18, 'font-size': 14, 'font-weight': 700, fill: COLOURS[i]! }, stage.charAt(0).toUpperCase() + stage.slice(1)));
    const markers = lanes.get(stage) ?? [];
    markers.slice(0, 2).forEach((m, j) => lane.appendChild(svg('text', { x, y: 36 + j * 14, 'font-size': 11, fill: EXIT, 'data-friction': m.kind }, `⚠ ${m.text}`)));
    if (markers.length > 2) lane.appendChild(svg('text', { x, y: 64, 'font-size': 11, fill: EXIT }, `⚠ ${markers.length - 2} more (table view)`));
    target.appendChild(lane);
  });

  if (report.nodes.length === 0) {
    target.appendChild(svg('text', { x: WIDTH / 2, y: TOP + 60, 'text-anchor': 'middle', fill: MUTED, 'font-size': 14 }, 'No visit in this range.'));
    return;
  }

  const forward = report.links.filter((l) => l.direction === 'forward');
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const link of forward) {
    out.set(nodeKey(link.from), (out.get(nodeKey(link.from)) ?? 0) + link.visits);
    into.set(nodeKey(link.to), (into.get(nodeKey(link.to)) ?? 0) + link.visits);
  }
  // Invisible anchors chained across the lanes: five columns even when no visit crosses them all.
  const anchors: LaidNode[] = STAGES.map((stage) => ({ ...emptyNode(stage), id: `anchor:${stage}`, fixedValue: 0, anchor: true }));
  const nodes: LaidNode[] = [
    ...report.nodes.map((n) => ({ ...n, id: nodeKey(n), fixedValue: Math.max(n.visits, out.get(nodeKey(n)) ?? 0, into.get(nodeKey(n)) ?? 0) })),
    ...anchors,
  ];
  const links = [
    ...forward.map((l) => ({ source: nodeKey(l.from), target: nodeKey(l.to), value: l.visits, link: l })),
    ...anchors.slice(1).map((a, i) => ({ source: anchors[i]!.id, target: a.id, value: 0, link: null })),
  ];
  const layout = sankey<LaidNode, (typeof links)[number]>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => STAGES.indexOf(n.stage))
    .nodeSort(null)
    .nodeWidth(16)
    .nodePadding(30)
    .extent([[8, TOP + 8], [WIDTH - LABEL_ROOM, height - 12]]);
  const graph = layout({ nodes, links });

  const path = sankeyLinkHorizontal();
  const flows = svg('g', { 'data-role': 'links', fill: 'none' });
  for (const link of graph.links) {
    if (!link.link) continue;
    const stage = STAGES.indexOf(link.link.from.stage);
    const line = svg('path', { d: path(link) ?? '', stroke: COLOURS[stage]!, 'stroke-opacity': 0.35, 'stroke-width': Math.max(1, link.width), 'data-link': `${link.source.id}>${link.target.id}`, 'data-visits': link.link.visits });
    line.appendChild(svg('title', {}, `${label(link.link.from.type)} → ${label(link.link.to.type)}: ${count(link.link.visits, 'visit')}`));
    flows.appendChild(line);
  }
  target.appendChild(flows);

  const group = svg('g', { 'data-role': 'nodes' });
  for (const node of graph.nodes) {
    if (node.anchor) continue;
    const stage = STAGES.indexOf(node.stage);
    const friction = nodeFriction(node);
    const was = before.get(node.id);
    const name = `${friction ? '⚠ ' : ''}${label(node.type)}`;
    const figures = `${count(node.visits, 'visit')} · ${count(node.exits, 'exit')} (${percent(node.exit_rate)})`;
    const change = previous ? `${delta(node.visits, was?.visits)} visits · ${delta(node.exits, was?.exits)} exits vs before` : '';
    // The accessible name starts with the visible text (WCAG 2.5.3), then what the picture shows by
    // position and colour; a space ends each line's text so that the lines read apart.
    const g = svg('g', {
      'data-node': node.id,
      'data-visits': node.visits,
      'data-exits': node.exits,
      role: 'button',
      tabindex: -1,
      'aria-label': `${[name, figures, change].filter(Boolean).join(' ')} — ${node.stage} stage${friction ? `; friction: ${friction.text}` : ''}`,
    });
    const h = Math.max(2, node.y1 - node.y0);
    g.appendChild(svg('rect', { x: node.x0, y: node.y0, width: node.x1 - node.x0, height: h, fill: COLOURS[stage]!, rx: 2 }));
    const exitShare = node.visits ? node.exits / node.visits : 0;
    if (exitShare > 0) g.appendChild(svg('rect', { x: node.x0, y: node.y0 + h * (1 - exitShare), width: node.x1 - node.x0, height: h * exitShare, fill: EXIT, 'data-role': 'exit-bar' }));
    g.appendChild(svg('rect', { x: node.x0 - 4, y: node.y0 - 4, width: node.x1 - node.x0 + 8, height: h + 8, fill: 'none', stroke: INK, 'stroke-width': 2, rx: 4, class: 'focus-ring', visibility: 'hidden' }));
    // Labels right of the bar, the last lane's in the room kept for them.
    const x = node.x1 + 8;
    const y = (node.y0 + node.y1) / 2;
    g.appendChild(svg('text', { x, y: y - 10, 'font-size': 13, 'font-weight': 600, fill: INK, 'data-role': 'name' }, `${name} `));
    g.appendChild(svg('text', { x, y: y + 5, 'font-size': 12, fill: INK, 'data-role': 'figures' }, `${figures} `));
    if (change) g.appendChild(svg('text', { x, y: y + 19, 'font-size': 11, fill: MUTED, 'data-role': 'delta' }, change));
    group.appendChild(g);
  }
  target.appendChild(group);
}

function emptyNode(stage: string): FlowNode {
  return { type: '', stage: stage as FlowNode['stage'], visits: 0, visitors: 0, share: null, entries: 0, exits: 0, exit_rate: null, continued: 0, reached_next_stage: 0, median_ms_to_next_stage: null };
}

/**
 * Keyboard through the nodes: one node is in the tab order at a time; ← → move to the
 * nearest node of the previous or next lane with one, ↑ ↓ within a lane, Home/End to the
 * first/last node, Enter or Space opens the node. The focused node's ring is shown by
 * /map.css (hidden in an exported picture).
 */
export function keyboardNodes(target: SVGSVGElement, open: (key: string) => void): void {
  const nodes = () => [...target.querySelectorAll<SVGGElement>('[data-node]')];
  const centre = (g: SVGGElement) => {
    const box = g.querySelector('rect')!;
    return { x: Number(box.getAttribute('x')), y: Number(box.getAttribute('y')) + Number(box.getAttribute('height')) / 2 };
  };
  const focus = (g: SVGGElement | undefined) => {
    if (!g) return;
    for (const other of nodes()) other.setAttribute('tabindex', '-1');
    g.setAttribute('tabindex', '0');
    g.focus();
  };
  const first = nodes()[0];
  if (first) first.setAttribute('tabindex', '0');
  target.onkeydown = (event: KeyboardEvent) => {
    const current = (event.target as Element).closest<SVGGElement>('[data-node]');
    if (!current) return;
    const all = nodes();
    const here = centre(current);
    const lane = (g: SVGGElement) => g.getAttribute('data-node')!.split(':')[0]!;
    const laneIndex = STAGES.indexOf(lane(current));
    let next: SVGGElement | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let i = laneIndex + step; i >= 0 && i < STAGES.length && !next; i += step) {
        next = all.filter((g) => lane(g) === STAGES[i]).sort((a, b) => Math.abs(centre(a).y - here.y) - Math.abs(centre(b).y - here.y))[0];
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const mates = all.filter((g) => lane(g) === lane(current)).sort((a, b) => centre(a).y - centre(b).y);
      next = mates[mates.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)];
    } else if (event.key === 'Home' || event.key === 'End') {
      next = event.key === 'Home' ? all[0] : all.at(-1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(current.getAttribute('data-node')!);
      return;
    } else {
      return;
    }
    event.preventDefault();
    focus(next);
  };
  target.onclick = (event: MouseEvent) => {
    const g = (event.target as Element).closest<SVGGElement>('[data-node]');
    if (g) {
      focus(g);
      open(g.getAttribute('data-node')!);
    }
  };
}
