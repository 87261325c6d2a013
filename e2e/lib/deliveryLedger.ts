import { orderEventId } from '../../packages/schema/src/orderEventId.ts';
import type { CollectAttempt, SentEvent } from './faultProxy.ts';
import type { ExportedEvent } from './exportedEvents.ts';

export interface Ledger {
  /** Distinct event ids the browser sent (any answer). */
  sent: number;
  /** Of those, ids not stored in D1. */
  lost: string[];
  /** Ids the collector accepted more than once: the SDK sent an event (or an order) again after a 202. */
  resentAfterAccept: string[];
  stored: number;
  attempts: number;
}

/** The id an event is stored under: the collector gives an order_complete the id of its order. */
const storedId = (event: SentEvent) => (event.type === 'order_complete' && event.orderId ? orderEventId(event.orderId) : event.id);

/** Zero loss and zero duplicates for one visitor, from the proxy's record of what left the browser. */
export function deliveryLedger(attempts: readonly CollectAttempt[], visitor: string, stored: readonly ExportedEvent[]): Ledger {
  const storedIds = new Set(stored.map((e) => e.id));
  const mine = attempts.map((a) => ({ ...a, ids: a.events.filter((e) => e.anon === visitor).map(storedId) })).filter((a) => a.ids.length > 0);
  const sent = new Set(mine.flatMap((a) => a.ids));
  const acceptedCount = new Map<string, number>();
  for (const attempt of mine) {
    if (attempt.status !== 202) continue;
    for (const id of attempt.ids) acceptedCount.set(id, (acceptedCount.get(id) ?? 0) + 1);
  }
  return {
    sent: sent.size,
    lost: [...sent].filter((id) => !storedIds.has(id)),
    resentAfterAccept: [...acceptedCount].filter(([, n]) => n > 1).map(([id]) => id),
    stored: stored.length,
    attempts: mine.length,
  };
}
