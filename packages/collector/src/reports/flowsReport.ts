import { STAGES, type Stage } from '@waymark/schema';
import type { VisitPathRow } from '../flows/queries.ts';
import { ratio } from './ratio.ts';

export const PURCHASE = 'order_complete';
export const TOP_PATHS = 10;
export const DEFAULT_STEPS = 20;
export const MAX_STEPS = 50;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Time-to-purchase buckets, [from, to) ms. */
export const TIME_BUCKETS = [
  { label: 'under 5 min', from: 0, to: 5 * MINUTE },
  { label: '5–60 min', from: 5 * MINUTE, to: HOUR },
  { label: '1–24 h', from: HOUR, to: DAY },
  { label: '1–7 days', from: DAY, to: 7 * DAY },
  { label: '7 days or more', from: 7 * DAY, to: Infinity },
] as const;
/** Visits-to-purchase buckets: 1, 2, 3, 4, then 5 or more. */
const VISIT_BUCKETS = [1, 2, 3, 4, 5] as const;

export interface FlowOptions {
  /** Each visit is read from its first touchpoint of this type; visits without one are left out. */
  start?: string;
  /** Each visit is read up to its first touchpoint of this type (after start); visits without one are left out. */
  end?: string;
  /** At most this many touchpoints of each visit, from its start. */
  steps: number;
}

interface Touch {
  type: string;
  stage: number;
  offset: number;
}

type Direction = 'forward' | 'within' | 'back';

/**
 * The flows report's JSON from the range's visits (definitions in docs/analytics.md,
 * "GET /v1/reports/flows"). A node is a touchpoint type on its stage lane (feedback sits on
 * the lane it is about, so it may be on several); a link is a move between consecutive
 * touchpoints of a visit. Every visit of the group enters once and leaves once — by an
 * exit, or `continued` when `steps` or `end` cut it — so entries, and exits + continued,
 * each add up to the group's visits.
 */
export function flowsReport(rows: VisitPathRow[], options: FlowOptions) {
  const nodes = new Map<string, NodeTally>();
  const links = new Map<string, LinkTally>();
  const paths = new Map<string, number>();
  const groupVisitors = new Set<string>();
  let groupVisits = 0;

  for (const row of rows) {
    const visit = touches(row);
    const path = cut(visit, options);
    if (path === null) continue;
    groupVisits += 1;
    groupVisitors.add(row.visitor);
    const { touches: shown, from, cutShort } = path;

    const seen = new Set<string>();
    shown.forEach((touch, i) => {
      const key = nodeKey(touch);
      const node = nodes.get(key) ?? newNode(touch);
      nodes.set(key, node);
      if (i === 0) node.entries += 1;
      if (!seen.has(key)) {
        seen.add(key);
        node.visits += 1;
        node.visitors.add(row.visitor);
        const next = visit.slice(from + i + 1).find((later) => later.stage > touch.stage);
        if (next) node.toNextStage.push(next.offset - touch.offset);
      }
    });
    const last = nodes.get(nodeKey(shown.at(-1)!))!;
    if (cutShort) last.continued += 1;
    else last.exits += 1;

    const moved = new Set<string>();
    for (let i = 1; i < shown.length; i += 1) {
      const key = `${nodeKey(shown[i - 1]!)}>${nodeKey(shown[i]!)}`;
      const link = links.get(key) ?? newLink(shown[i - 1]!, shown[i]!);
      links.set(key, link);
      link.transitions += 1;
      if (!moved.has(key)) {
        moved.add(key);
        link.visits += 1;
      }
    }

    const bought = shown.findIndex((t) => t.type === PURCHASE);
    if (bought >= 0) {
      const steps = shown.slice(0, bought + 1).map((t) => t.type).filter((type, i, all) => i === 0 || all[i - 1] !== type);
      const key = steps.join(' ');
      paths.set(key, (paths.get(key) ?? 0) + 1);
    }
  }

  const purchases = [...paths.values()].reduce((a, b) => a + b, 0);
  const ranked = [...paths.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked.slice(0, TOP_PATHS);
  const rest = ranked.slice(TOP_PATHS);
  const otherVisits = rest.reduce((a, [, visits]) => a + visits, 0);

  return {
    start: options.start ?? null,
    end: options.end ?? null,
    steps: options.steps,
    visits: groupVisits,
    visitors: groupVisitors.size,
    purchases,
    nodes: [...nodes.values()]
      .sort((a, b) => a.stage - b.stage || b.visits - a.visits || (a.type < b.type ? -1 : 1))
      .map((node) => ({
        type: node.type,
        stage: STAGES[node.stage - 1]!,
        visits: node.visits,
        visitors: node.visitors.size,
        share: ratio(node.visits, groupVisits),
        entries: node.entries,
        exits: node.exits,
        exit_rate: ratio(node.exits, node.visits),
        continued: node.continued,
        reached_next_stage: node.toNextStage.length,
        median_ms_to_next_stage: median(node.toNextStage),
      })),
    links: [...links.values()]
      .sort((a, b) => b.visits - a.visits || b.transitions - a.transitions || (a.key < b.key ? -1 : 1))
      .map(({ key: _key, ...link }) => link),
    paths_to_purchase: {
      top: top.map(([key, visits]) => ({ path: key.split(' '), visits, share: ratio(visits, purchases) })),
      other: { paths: rest.length, visits: otherVisits, share: ratio(otherVisits, purchases) },
    },
    ...toPurchase(rows),
  };
}

interface NodeTally {
  type: string;
  stage: number;
  visits: number;
  visitors: Set<string>;
  entries: number;
  exits: number;
  continued: number;
  toNextStage: number[];
}

interface LinkTally {
  key: string;
  from: { type: string; stage: Stage };
  to: { type: string; stage: Stage };
  direction: Direction;
  visits: number;
  transitions: number;
}

function newNode(touch: Touch): NodeTally {
  return { type: touch.type, stage: touch.stage, visits: 0, visitors: new Set(), entries: 0, exits: 0, continued: 0, toNextStage: [] };
}

function newLink(from: Touch, to: Touch): LinkTally {
  const direction: Direction = to.stage > from.stage ? 'forward' : to.stage < from.stage ? 'back' : 'within';
  return {
    key: `${nodeKey(from)}>${nodeKey(to)}`,
    from: { type: from.type, stage: STAGES[from.stage - 1]! },
    to: { type: to.type, stage: STAGES[to.stage - 1]! },
    direction,
    visits: 0,
    transitions: 0,
  };
}

function nodeKey(touch: Touch): string {
  return `${touch.stage}:${touch.type}`;
}

function touches(row: VisitPathRow): Touch[] {
  const types = row.types.split(' ');
  const offsets = row.offsets.split(' ');
  return types.map((type, i) => ({ type, stage: Number(row.stages[i]), offset: Number(offsets[i]) }));
}

/** The part of a visit the report shows, where it starts in the visit, and whether it was cut before the visit ended. */
function cut(visit: Touch[], { start, end, steps }: FlowOptions) {
  const from = start === undefined ? 0 : visit.findIndex((t) => t.type === start);
  if (from < 0) return null;
  let shown = visit.slice(from);
  if (end !== undefined) {
    const to = shown.findIndex((t) => t.type === end);
    if (to < 0) return null;
    shown = shown.slice(0, to + 1);
  }
  if (shown.length > steps) shown = shown.slice(0, steps);
  return { touches: shown, from, cutShort: from + shown.length < visit.length };
}

/**
 * Per buyer of the range (every visit in scope, whatever start, end and steps; visits in
 * start order, then session): the time from the start of their first visit in the range to
 * the first order_complete of their first visit with one, and how many visits that took,
 * the ordering one included.
 */
function toPurchase(rows: VisitPathRow[]) {
  const times: number[] = [];
  const visitCounts: number[] = [];
  let visitor: string | null = null;
  let firstStart = 0;
  let visitsSoFar = 0;
  let bought = false;
  for (const row of rows) {
    if (row.visitor !== visitor) {
      visitor = row.visitor;
      firstStart = row.started_at;
      visitsSoFar = 0;
      bought = false;
    }
    if (bought) continue;
    visitsSoFar += 1;
    const order = touches(row).find((t) => t.type === PURCHASE);
    if (order) {
      bought = true;
      times.push(row.started_at + order.offset - firstStart);
      visitCounts.push(visitsSoFar);
    }
  }
  return {
    time_to_purchase: {
      buyers: times.length,
      median_ms: median(times),
      distribution: TIME_BUCKETS.map(({ label, from, to }) => ({
        label,
        from_ms: from,
        to_ms: to === Infinity ? null : to,
        buyers: times.filter((t) => t >= from && t < to).length,
      })),
    },
    visits_to_purchase: {
      buyers: visitCounts.length,
      median: median(visitCounts),
      distribution: VISIT_BUCKETS.map((visits) => ({
        visits: visits === 5 ? '5+' : String(visits),
        buyers: visitCounts.filter((n) => (visits === 5 ? n >= 5 : n === visits)).length,
      })),
    },
  };
}

/** The mean of the two middle values (nearest rank, as the funnel's vitals); null when empty. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return (sorted[Math.floor((n + 1) / 2) - 1]! + sorted[Math.floor((n + 2) / 2) - 1]!) / 2;
}
