import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { validateBatch, type CollectResponse, type Rejection } from '@waymark/schema';
import type { AppEnv } from '../env.ts';
import { cookielessVisitor } from '../enrich/cookielessVisitor.ts';
import { countryCode } from '../enrich/countryCode.ts';
import { deviceClass } from '../enrich/deviceClass.ts';
import { enrichEvent } from '../events/enrichEvent.ts';
import { d1EventWriter } from '../events/eventWriter.ts';
import { queueEventWriter } from '../events/queueEventWriter.ts';
import type { StoredEvent } from '../events/storedEvent.ts';
import { clientAddress } from '../lib/clientAddress.ts';
import { httpError } from '../lib/httpError.ts';
import { parseJsonBody } from '../lib/parseJsonBody.ts';
import { botFilter } from '../middleware/botFilter.ts';
import { collectBodyLimit } from '../middleware/collectBodyLimit.ts';
import { enforceRateLimit, rateLimit } from '../middleware/rateLimit.ts';
import { originAllowed } from '../sites/originAllowed.ts';
import { cachedSite } from '../sites/siteCache.ts';

export const collect = new Hono<AppEnv>();

// Preflights carry no body, so no site: any origin may ask; the POST itself checks the
// Origin against the site's allowed origins and answers 403 when it is not among them.
// Retry-After is exposed so the SDK can read how long a 429 or 503 asks it to wait.
collect.use(
  '*',
  cors({ origin: (origin) => origin, allowMethods: ['POST'], allowHeaders: ['Content-Type'], exposeHeaders: ['Retry-After'], maxAge: 86400 }),
);
collect.use('*', botFilter());
collect.use('*', collectBodyLimit());
collect.use(
  '*',
  rateLimit({
    limiter: (env) => env.CLIENT_LIMITER,
    key: (c) => `${clientAddress(c)}|${c.req.header('User-Agent') ?? ''}`,
    retryAfter: 60,
  }),
);

collect.post('/', async (c) => {
  const receivedAt = Date.now();
  const batch = validateBatch(await parseJsonBody(c));
  if (!batch.ok) throw httpError(400, batch.error);

  await enforceRateLimit(c.env.SITE_LIMITER, batch.site, 60);
  const site = await storage(() => cachedSite(c.env.DB, batch.site));
  if (!site) throw httpError(403, `unknown site ${JSON.stringify(batch.site)}`);
  const origin = c.req.header('Origin');
  if (origin !== undefined && !originAllowed(origin, site.origins)) {
    throw httpError(403, `origin ${origin} is not allowed for this site`);
  }

  const userAgent = c.req.header('User-Agent') ?? '';
  const needsHash = batch.events.some(({ event }) => event.anon === undefined);
  const facts = {
    receivedAt,
    sentAt: batch.sentAt,
    country: countryCode(c.req.raw.cf?.country),
    device: deviceClass(userAgent),
    cookielessVisitor: needsHash
      ? await storage(() => cookielessVisitor(c.env.DB, clientAddress(c), userAgent, site.key, receivedAt))
      : undefined,
  };
  const rows: StoredEvent[] = [];
  const rejected: Rejection[] = [...batch.rejected];
  for (const { index, event } of batch.events) {
    const enriched = enrichEvent(event, site, facts);
    if (enriched.ok) rows.push(enriched.row);
    else rejected.push({ index, reason: enriched.reason });
  }
  const writer = c.env.EVENTS_QUEUE ? queueEventWriter(c.env.EVENTS_QUEUE) : d1EventWriter(c.env.DB);
  const inserted = await storage(() => writer.write(rows));
  rejected.sort((a, b) => a.index - b.index);
  const body: CollectResponse = { accepted: inserted, duplicates: rows.length - inserted, rejected };
  return c.json(body, 202);
});

/** Storage failures are the only 5xx: a 503 the SDK answers by keeping the events and retrying. */
async function storage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    console.error('storage failed', error);
    throw httpError(503, 'storage unavailable; the events were not stored, retry later', { 'Retry-After': '5' });
  }
}
