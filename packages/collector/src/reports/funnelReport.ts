import { STAGES, type Stage } from '@waymark/schema';
import { ratio } from './ratio.ts';
import type { FunnelRows } from './queries.ts';

const VITALS = ['lcp', 'inp', 'cls', 'fcp', 'ttfb'] as const;

export interface StageReport {
  stage: Stage;
  /** Visitors whose furthest touchpoint in the range is at this stage or a later one. */
  reached: number;
  /** Visitors with at least one touchpoint of this stage. */
  visitors: number;
  touchpoints: number;
  by_type: { type: string; touchpoints: number; visitors: number }[];
  /** reached(next) / reached(this); null on the last stage or when nobody reached this one. */
  conversion_to_next: number | null;
  /** reached(this) − reached(next): visitors whose journey stopped at this stage. */
  drop_off_to_next: number | null;
  drop_off_rate: number | null;
  web_vitals: Partial<Record<(typeof VITALS)[number], { median: number; p75: number; samples: number }>>;
}

/** The funnel report's JSON from its query rows (definitions in docs/analytics.md). */
export function funnelReport(rows: FunnelRows) {
  const reached = rows.stages.map((s) => s.reached);
  const stages: StageReport[] = STAGES.map((stage, i) => {
    const types = rows.touchpoints.filter((t) => t.stage === i + 1);
    const next = i + 1 < STAGES.length ? reached[i + 1]! : null;
    const vitals: StageReport['web_vitals'] = {};
    for (const metric of [...VITALS].sort()) {
      const histogram = rows.vitals.filter((v) => v.stage === i + 1 && v.metric === metric);
      if (histogram.length > 0) vitals[metric] = quantiles(histogram);
    }
    return {
      stage,
      reached: reached[i]!,
      visitors: rows.stages[i]!.visitors,
      touchpoints: sum(types.map((t) => t.touchpoints)),
      by_type: types.map(({ type, touchpoints, visitors }) => ({ type, touchpoints, visitors })),
      conversion_to_next: next === null ? null : ratio(next, reached[i]!),
      drop_off_to_next: next === null ? null : reached[i]! - next,
      drop_off_rate: next === null ? null : ratio(reached[i]! - next, reached[i]!),
      web_vitals: vitals,
    };
  });

  const channels = new Map<string, { channel: string; landings: number; search_engines: { search_engine: string; landings: number; visitors: number }[] }>();
  for (const row of rows.landings) {
    const entry = channels.get(row.channel) ?? { channel: row.channel, landings: 0, search_engines: [] };
    entry.landings += row.landings;
    if (row.search_engine) entry.search_engines.push({ search_engine: row.search_engine, landings: row.landings, visitors: row.visitors });
    channels.set(row.channel, entry);
  }

  const { carts } = rows;
  const cartValue = (JSON.parse(carts.value ?? '[]') as [string | null, number][])
    .filter(([currency]) => currency !== null)
    .map(([currency, value]) => ({ currency, value: round(value) }));
  const visitors = reached[0]!;
  return {
    visitors,
    stages,
    conversion: ratio(reached[STAGES.indexOf('purchase')]!, visitors),
    landings: {
      total: sum(rows.landings.map((l) => l.landings)),
      by_channel: [...channels.values()].sort((a, b) => b.landings - a.landings || a.channel.localeCompare(b.channel)),
    },
    abandoned_carts: {
      visitors: carts.abandoned,
      cart_visitors: carts.cart_visitors,
      rate: ratio(carts.abandoned, carts.cart_visitors),
      cart_adds: carts.cart_adds ?? 0,
      value: cartValue,
    },
    orders: sum(rows.revenue.map((r) => r.orders)),
    revenue: rows.revenue.map((r) => ({ currency: r.currency, orders: r.orders, buyers: r.buyers, revenue: round(r.revenue ?? 0) })),
    days: rows.days,
  };
}

/**
 * Median and 75th percentile by nearest rank over a histogram in bucket order: the median
 * is the mean of ranks ⌊(n+1)/2⌋ and ⌊(n+2)/2⌋, p75 rank ⌊(3n+3)/4⌋.
 */
function quantiles(histogram: FunnelRows['vitals']) {
  const samples = sum(histogram.map((h) => h.samples));
  const at = (rank: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.samples;
      if (seen >= rank) return h.bucket;
    }
    return histogram.at(-1)!.bucket;
  };
  const median = (at(Math.floor((samples + 1) / 2)) + at(Math.floor((samples + 2) / 2))) / 2;
  return { median: round(median), p75: round(at(Math.floor((3 * samples + 3) / 4))), samples };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Money and vitals to 2 decimals (CLS needs them; ms and currency do not need more). */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
