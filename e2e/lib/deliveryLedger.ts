import { orderEventId } from '../../packages/schema/src/orderEventId.ts';
import type { CollectAttempt, SentEvent } from './faultProxy.ts';
import type { ExportedEvent } from './exportedEvents.ts';

/** SPEC §5's measure of delivery: nothing lost, nothing stored twice; re-sends are allowed and counted. */
export interface Ledger {
  /** Distinct event ids the browser sent (any answer). */
  sent: number;
  /** Of those, ids not stored in D1. */
  lost: string[];
  /** Rows stored for this visitor. */
  stored: number;
  /** Rows stored beyond the first for one id: a re-send the collector failed to recognise. */
  duplicatesStored: number;
  /** Times an event went out again after its first request (any answer to the first). */
  resends: number;
  attempts: number;
}

/** The id an event is stored under: the collector gives an order_complete the id of its order. */
const storedId = (event: SentEvent) => (event.type === 'order_complete' && event.orderId ? orderEventId(event.orderId) : event.id);

/** The ledger of one visitor, from the proxy's record of what left the browser and what D1 holds. */
export function deliveryLedger(attempts: readonly CollectAttempt[], visitor: string, stored: readonly ExportedEvent[]): Ledger {
  const storedIds = new Set(stored.map((e) => e.id));
  const mine = attempts.map((a) => a.events.filter((e) => e.anon === visitor).map(storedId)).filter((ids) => ids.length > 0);
  const sends = mine.flat();
  const sent = new Set(sends);
  return {
    sent: sent.size,
    lost: [...sent].filter((id) => !storedIds.has(id)),
    stored: stored.length,
    duplicatesStored: stored.length - storedIds.size,
    resends: sends.length - sent.size,
    attempts: mine.length,
  };
}
