import { orderEventId, STAGES, stageOf, type WireEvent } from '@waymark/schema';
import { classifyChannel } from '../enrich/classifyChannel.ts';
import type { Site } from '../sites/site.ts';
import { scrubComment } from './feedbackComment.ts';
import type { StoredEvent } from './storedEvent.ts';

export interface RequestFacts {
  receivedAt: number;
  /** Client clock when the batch left, for skew correction. */
  sentAt: number | undefined;
  country: string | undefined;
  device: string | undefined;
  /** Visitor id for events without `anon` (cookieless mode). */
  cookielessVisitor: string | undefined;
}

/**
 * received_at − sent_at is the client's clock skew plus the batch's transit time, which
 * varies from batch to batch; below this it is taken for transit alone and the SPEC's
 * correction is not applied, so that two events a few milliseconds apart in different
 * batches keep their order.
 */
const SKEW_THRESHOLD_MS = 2000;

export type Enriched = { ok: true; row: StoredEvent } | { ok: false; reason: string };

/**
 * Turns a valid wire event into a stored row: decides its stage, corrects the client's
 * clock (stored ts = received_at − (sent_at − ts) once the skew is real, never in the
 * future), classifies the
 * channel of a landing, gives an `order_complete` the id of its order so that a
 * reloaded thank-you page is stored once, and scrubs e-mail addresses from feedback comments.
 */
export function enrichEvent(event: WireEvent, site: Site, facts: RequestFacts): Enriched {
  const stage = stageOf(event.type, event.stage, event.props, site.stageOverrides);
  if (!stage) {
    return { ok: false, reason: `custom type ${event.type} needs a stage (${STAGES.join(', ')}) or a site stage override` };
  }
  const { receivedAt, sentAt } = facts;
  const skewed = sentAt !== undefined && Math.abs(receivedAt - sentAt) >= SKEW_THRESHOLD_MS;
  const corrected = skewed ? receivedAt - (sentAt - event.ts) : event.ts;
  const ts = Math.round(Math.max(0, Math.min(receivedAt, corrected)));
  const orderId = event.type === 'order_complete' ? event.props?.order_id : undefined;
  const row: StoredEvent = {
    siteId: site.id,
    id: typeof orderId === 'string' && orderId !== '' ? orderEventId(orderId) : event.id,
    ts,
    receivedAt,
    type: event.type,
    stage: STAGES.indexOf(stage) + 1,
    visitor: event.anon ?? facts.cookielessVisitor ?? event.session,
    session: event.session,
    url: event.url,
  };
  if (event.user) row.user = event.user;
  if (event.type === 'landing') {
    if (event.ref) row.referrer = event.ref;
    const { channel, searchEngine } = classifyChannel(event.url, event.ref);
    row.channel = channel;
    if (searchEngine) row.searchEngine = searchEngine;
  }
  if (facts.country) row.country = facts.country;
  if (facts.device) row.device = facts.device;
  const props = event.type === 'feedback' && typeof event.props?.comment === 'string' ? { ...event.props, comment: scrubComment(event.props.comment) } : event.props;
  if (props && Object.keys(props).length > 0) row.props = JSON.stringify(props);
  return { ok: true, row };
}
