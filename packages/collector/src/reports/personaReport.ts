import { STAGES } from '@waymark/schema';
import type { PersonaRows } from '../personas/tallyPersonaRows.ts';
import { OTHER, type Persona } from '../personas/personaRules.ts';
import { ratio } from './ratio.ts';

const TOP_CHANNELS = 5;

/**
 * The persona report's JSON (definitions in docs/analytics.md, "GET /v1/reports/personas"):
 * every persona of the site in its order, then `other`, each with its funnel and money.
 */
export function personaReport(personas: readonly Persona[], rows: PersonaRows) {
  const total = sum(rows.reach.map((r) => r.visitors));
  const entries = [...personas, { key: OTHER, name: 'Other', description: 'Visitors no persona rule matches.', when: null }];
  return {
    visitors: total,
    personas: entries.map(({ key, name, description, when }) => {
      const reach = rows.reach.filter((r) => r.persona === key);
      const visitors = sum(reach.map((r) => r.visitors));
      const reached = STAGES.map((_, i) => sum(reach.filter((r) => r.furthest >= i + 1).map((r) => r.visitors)));
      const buyers = sum(reach.map((r) => r.buyers));
      const cartVisitors = sum(reach.map((r) => r.cart_visitors));
      const abandoned = sum(reach.map((r) => r.abandoned));
      const revenue = rows.revenue.filter((r) => r.persona === key).sort((a, b) => b.orders - a.orders || String(a.currency).localeCompare(String(b.currency)));
      const channels = rows.channels.filter((r) => r.persona === key).sort((a, b) => b.visitors - a.visitors || b.landings - a.landings || a.channel.localeCompare(b.channel));
      return {
        key,
        name,
        description,
        when,
        visitors,
        share: ratio(visitors, total),
        stages: STAGES.map((stage, i) => {
          const next = i + 1 < STAGES.length ? reached[i + 1]! : null;
          return {
            stage,
            reached: reached[i]!,
            conversion_to_next: next === null ? null : ratio(next, reached[i]!),
            drop_off_to_next: next === null ? null : reached[i]! - next,
          };
        }),
        orders: sum(revenue.map((r) => r.orders)),
        buyers,
        conversion: ratio(buyers, visitors),
        revenue: revenue.map((r) => ({ currency: r.currency, orders: r.orders, revenue: round(r.revenue), average_order_value: round(r.revenue / r.orders) })),
        top_channels: channels.slice(0, TOP_CHANNELS).map(({ channel, landings, visitors }) => ({ channel, landings, visitors })),
        abandoned_carts: { visitors: abandoned, cart_visitors: cartVisitors, rate: ratio(abandoned, cartVisitors) },
      };
    }),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
