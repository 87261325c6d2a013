import { STAGES } from '@waymark/schema';

/** A stored event as the reference reads it from `events`. */
export interface RawTouch {
  id: string;
  ts: number;
  type: string;
  stage: number;
  visitor: string;
  session: string;
}

const HOUR = 3_600_000;

/**
 * The flows report computed straight from raw events, written apart from the rollup and
 * flowsReport: visits grouped by hand, each walked once per question.
 */
export function referenceFlows(
  events: RawTouch[],
  range: { from: number; to: number; visitors?: Set<string> },
  options: { start?: string; end?: string; steps: number },
) {
  const byVisit = new Map<string, RawTouch[]>();
  for (const e of events) {
    if (e.type === 'web_vitals' || e.type === 'feedback_prompt') continue;
    const key = `${e.visitor}\u0000${e.session}`;
    byVisit.set(key, [...(byVisit.get(key) ?? []), e]);
  }
  const visits = [...byVisit.values()]
    .map((touches) => touches.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1)))
    .filter((t) => {
      const hour = Math.floor(t[0]!.ts / HOUR) * HOUR;
      return hour >= range.from && hour < range.to && (!range.visitors || range.visitors.has(t[0]!.visitor));
    });

  const shown = visits.flatMap((visit) => {
    let begin = 0;
    if (options.start !== undefined) {
      begin = visit.findIndex((t) => t.type === options.start);
      if (begin < 0) return [];
    }
    let stop = visit.length;
    if (options.end !== undefined) {
      const at = visit.findIndex((t, i) => i >= begin && t.type === options.end);
      if (at < 0) return [];
      stop = at + 1;
    }
    stop = Math.min(stop, begin + options.steps);
    return [{ visit, begin, path: visit.slice(begin, stop), exited: stop === visit.length }];
  });

  const key = (t: RawTouch) => `${t.stage}:${t.type}`;
  const nodeKeys = [...new Set(shown.flatMap((s) => s.path.map(key)))];
  const nodes = nodeKeys.map((k) => {
    const through = shown.filter((s) => s.path.some((t) => key(t) === k));
    const waits = through.flatMap((s) => {
      const i = s.path.findIndex((t) => key(t) === k);
      const first = s.path[i]!;
      const later = s.visit.slice(s.begin + i + 1).find((t) => t.stage > first.stage);
      return later ? [later.ts - first.ts] : [];
    });
    const [stage, type] = [Number(k.split(':')[0]), k.split(':')[1]!];
    return {
      type,
      stage: STAGES[stage - 1],
      visits: through.length,
      visitors: new Set(through.map((s) => s.visit[0]!.visitor)).size,
      entries: shown.filter((s) => key(s.path[0]!) === k).length,
      exits: shown.filter((s) => s.exited && key(s.path.at(-1)!) === k).length,
      continued: shown.filter((s) => !s.exited && key(s.path.at(-1)!) === k).length,
      reached_next_stage: waits.length,
      median_ms_to_next_stage: median(waits),
    };
  });

  const moves = new Map<string, { from: RawTouch; to: RawTouch; visits: number; transitions: number }>();
  for (const s of shown) {
    const seen = new Set<string>();
    for (let i = 1; i < s.path.length; i += 1) {
      const k = `${key(s.path[i - 1]!)}>${key(s.path[i]!)}`;
      const move = moves.get(k) ?? { from: s.path[i - 1]!, to: s.path[i]!, visits: 0, transitions: 0 };
      move.transitions += 1;
      if (!seen.has(k)) move.visits += 1;
      seen.add(k);
      moves.set(k, move);
    }
  }

  const purchasePaths = shown
    .filter((s) => s.path.some((t) => t.type === 'order_complete'))
    .map((s) => {
      const types = s.path.slice(0, s.path.findIndex((t) => t.type === 'order_complete') + 1).map((t) => t.type);
      return types.filter((t, i) => t !== types[i - 1]).join(' ');
    });

  // Per buyer: their visits of the range in start order, up to the first with an order.
  const buyers = new Map<string, RawTouch[][]>();
  for (const visit of visits) buyers.set(visit[0]!.visitor, [...(buyers.get(visit[0]!.visitor) ?? []), visit]);
  const toPurchase = [...buyers.values()].flatMap((own) => {
    // Visits in start order; two starting at once, by session id.
    own.sort((a, b) => a[0]!.ts - b[0]!.ts || (a[0]!.session < b[0]!.session ? -1 : 1));
    const i = own.findIndex((v) => v.some((t) => t.type === 'order_complete'));
    if (i < 0) return [];
    return [{ ms: own[i]!.find((t) => t.type === 'order_complete')!.ts - own[0]![0]!.ts, visits: i + 1 }];
  });

  return {
    visits: shown.length,
    visitors: new Set(shown.map((s) => s.visit[0]!.visitor)).size,
    purchases: purchasePaths.length,
    nodes: nodes.sort((a, b) => STAGES.indexOf(a.stage!) - STAGES.indexOf(b.stage!) || b.visits - a.visits || (a.type < b.type ? -1 : 1)),
    moves: [...moves.values()].map((m) => ({ from: key(m.from), to: key(m.to), visits: m.visits, transitions: m.transitions })),
    purchasePaths,
    timeToPurchase: toPurchase.map((p) => p.ms).sort((a, b) => a - b),
    visitsToPurchase: toPurchase.map((p) => p.visits).sort((a, b) => a - b),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}
