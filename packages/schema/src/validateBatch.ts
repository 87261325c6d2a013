import { MAX_EVENT_AGE_MS, MAX_EVENTS_PER_BATCH, MAX_TIME_MS } from './limits.ts';
import { validateEvent } from './validateEvent.ts';
import type { Rejection, WireEvent } from './wire.ts';

export interface ValidEvent { index: number; event: WireEvent }

export type BatchCheck =
  | { ok: false; error: string }
  | { ok: true; site: string; sentAt: number | undefined; events: ValidEvent[]; rejected: Rejection[] };

/**
 * Checks a parsed `POST /v1/collect` body. The envelope (site, sent_at, events) either
 * passes or fails whole (a 400); each event passes or is rejected on its own, with its
 * index and reason, so its valid neighbours are still stored.
 */
export function validateBatch(body: unknown): BatchCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'body must be a JSON object with site and events' };
  }
  const { site, sent_at: sentAt, events } = body as Record<string, unknown>;
  if (typeof site !== 'string' || site.length === 0 || site.length > 64) {
    return { ok: false, error: 'site is required: the public site key' };
  }
  if (sentAt !== undefined && !(typeof sentAt === 'number' && sentAt > 0 && sentAt <= MAX_TIME_MS)) {
    return { ok: false, error: 'sent_at must be the client clock in ms' };
  }
  if (!Array.isArray(events)) return { ok: false, error: 'events is required: an array of 1 to 100 events' };
  if (events.length === 0 || events.length > MAX_EVENTS_PER_BATCH) {
    return { ok: false, error: `events must hold 1 to ${MAX_EVENTS_PER_BATCH} events, not ${events.length}` };
  }
  const valid: ValidEvent[] = [];
  const rejected: Rejection[] = [];
  events.forEach((raw, index) => {
    const check = validateEvent(raw);
    if (!check.ok) rejected.push({ index, reason: check.reason });
    else if (sentAt !== undefined && sentAt - check.event.ts > MAX_EVENT_AGE_MS) {
      rejected.push({ index, reason: 'ts is more than a year before sent_at: no queue holds an event that long' });
    } else valid.push({ index, event: check.event });
  });
  return { ok: true, site, sentAt, events: valid, rejected };
}
