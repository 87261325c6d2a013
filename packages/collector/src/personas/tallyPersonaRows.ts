import { OTHER, type Persona } from './personaRules.ts';

/**
 * One row of the persona statement (personas/queries.ts), its persona by position in the
 * site's list (the list's length: `other`). `visitors` rows count a persona's
 * visitors by furthest stage, bought, added to the cart and the channel of a single landing,
 * with one-hour buyers' orders and revenue in `currency`; `revenue` rows are other buyers'
 * orders by currency, `channel` rows the landings of visitors with several.
 */
export interface PersonaGroup {
  kind: 'visitors' | 'revenue' | 'channel';
  persona: number;
  furthest: number | null;
  bought: number | null;
  carted: number | null;
  channel: string | null;
  visitors: number | null;
  landings: number | null;
  orders: number | null;
  revenue: number | null;
  currency: string | null;
}

/** The persona report's rows, each tagged with its persona. */
export interface PersonaRows {
  reach: { persona: string; furthest: number; visitors: number; buyers: number; cart_visitors: number; abandoned: number }[];
  revenue: { persona: string; currency: string | null; orders: number; revenue: number }[];
  channels: { persona: string; channel: string; landings: number; visitors: number }[];
  /** Rows D1 read. */
  rowsRead: number;
}

/** The statement's groups added up per persona and furthest stage, currency, channel. */
export function tallyPersonaRows(personas: readonly Persona[], groups: readonly PersonaGroup[], rowsRead: number): PersonaRows {
  const reach = new Map<string, PersonaRows['reach'][number]>();
  const revenue = new Map<string, PersonaRows['revenue'][number]>();
  const channels = new Map<string, PersonaRows['channels'][number]>();
  const addRevenue = (persona: string, currency: string, orders: number, amount: number) => {
    const entry = entryOf(revenue, [persona, currency], () => ({ persona, currency: currency === '' ? null : currency, orders: 0, revenue: 0 }));
    entry.orders += orders;
    entry.revenue += amount;
  };
  const addChannel = (persona: string, channel: string, landings: number, visitors: number) => {
    const entry = entryOf(channels, [persona, channel], () => ({ persona, channel, landings: 0, visitors: 0 }));
    entry.landings += landings;
    entry.visitors += visitors;
  };
  for (const g of groups) {
    const persona = personas[g.persona]?.key ?? OTHER;
    if (g.kind === 'revenue') addRevenue(persona, g.currency!, g.orders!, g.revenue!);
    else if (g.kind === 'channel') addChannel(persona, g.channel!, g.landings!, g.visitors!);
    else {
      const visitors = g.visitors!;
      const entry = entryOf(reach, [persona, g.furthest], () => ({ persona, furthest: g.furthest!, visitors: 0, buyers: 0, cart_visitors: 0, abandoned: 0 }));
      entry.visitors += visitors;
      if (g.bought) entry.buyers += visitors;
      if (g.carted) entry.cart_visitors += visitors;
      if (g.carted && !g.bought) entry.abandoned += visitors;
      // A single landing is one landing per visitor.
      if (g.channel !== null) addChannel(persona, g.channel, visitors, visitors);
      if (g.orders) addRevenue(persona, g.currency!, g.orders, g.revenue!);
    }
  }
  return { reach: [...reach.values()], revenue: [...revenue.values()], channels: [...channels.values()], rowsRead };
}

function entryOf<T>(map: Map<string, T>, key: unknown[], create: () => T): T {
  const id = JSON.stringify(key);
  let entry = map.get(id);
  if (entry === undefined) map.set(id, (entry = create()));
  return entry;
}
