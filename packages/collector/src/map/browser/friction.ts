import type { FlowNode } from '../../client/flowsReport.ts';
import { count, number } from './dom.ts';

/**
 * Where shoppers meet difficulties, from the reports the map already has. Thresholds are
 * documented in docs/analytics.md ("Friction markers"): Google's "good" web-vital limits at
 * the 75th percentile, an average rating under 3.5, any cart value left in abandoned carts,
 * and a node before the purchase where at least half the visits through it end (5 or more).
 */
export const VITAL_LIMITS = { lcp: 2500, inp: 200, cls: 0.1, fcp: 1800, ttfb: 800 } as const;
export const LOW_RATING = 3.5;
export const HIGH_EXIT_RATE = 0.5;
export const HIGH_EXIT_MIN_VISITS = 5;
const BEFORE_PURCHASE = ['awareness', 'consideration', 'decision'];

export interface Friction {
  kind: 'vitals' | 'rating' | 'carts' | 'exits';
  text: string;
}

interface FunnelStage {
  stage: string;
  web_vitals: Partial<Record<keyof typeof VITAL_LIMITS, { p75: number }>>;
}
export interface FunnelLike {
  stages: FunnelStage[];
  abandoned_carts: { visitors: number; value: { currency: string; value: number }[] };
}
export interface FeedbackLike {
  stages: { stage: string; responses: number; average_rating: number | null }[];
}

/** Markers per stage lane. */
export function stageFriction(funnel: FunnelLike | null, feedback: FeedbackLike | null): Map<string, Friction[]> {
  const markers = new Map<string, Friction[]>();
  const add = (stage: string, friction: Friction) => markers.set(stage, [...(markers.get(stage) ?? []), friction]);
  for (const stage of funnel?.stages ?? []) {
    for (const [metric, limit] of Object.entries(VITAL_LIMITS) as [keyof typeof VITAL_LIMITS, number][]) {
      const p75 = stage.web_vitals[metric]?.p75;
      if (p75 !== undefined && p75 > limit) add(stage.stage, { kind: 'vitals', text: `${metric.toUpperCase()} p75 ${metric === 'cls' ? p75 : `${p75} ms`} (good ≤ ${metric === 'cls' ? limit : `${limit} ms`})` });
    }
  }
  for (const stage of feedback?.stages ?? []) {
    if (stage.average_rating !== null && stage.average_rating < LOW_RATING) add(stage.stage, { kind: 'rating', text: `rated ${stage.average_rating} / 5 (${number.format(stage.responses)} responses)` });
  }
  const carts = funnel?.abandoned_carts;
  if (carts && carts.visitors > 0) {
    const value = carts.value.map((v) => new Intl.NumberFormat('en', { style: 'currency', currency: v.currency }).format(v.value)).join(' + ');
    add('decision', { kind: 'carts', text: `${value || 'carts'} at risk in ${count(carts.visitors, 'abandoned cart')}` });
  }
  return markers;
}

/** The marker of a node, if its exit share is high. */
export function nodeFriction(node: FlowNode): Friction | null {
  if (!BEFORE_PURCHASE.includes(node.stage) || node.visits < HIGH_EXIT_MIN_VISITS || node.exit_rate === null || node.exit_rate < HIGH_EXIT_RATE) return null;
  return { kind: 'exits', text: `${Math.round(node.exit_rate * 100)}% of visits end here` };
}
