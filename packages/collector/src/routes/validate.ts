import { Hono } from 'hono';
import { validateBatch, type CollectResponse } from '@waymark/schema';
import type { AppEnv } from '../env.ts';
import { httpError } from '../lib/httpError.ts';
import { parseJsonBody } from '../lib/parseJsonBody.ts';
import { collectBodyLimit } from '../middleware/collectBodyLimit.ts';

/**
 * `POST /v1/validate`: answers what `/v1/collect` would say of a batch's events without
 * looking up the site or storing anything — for shop developers checking custom events,
 * and the parse-and-validate baseline of `pnpm bench`.
 */
export const validate = new Hono<AppEnv>();

validate.use('*', collectBodyLimit());

validate.post('/', async (c) => {
  const batch = validateBatch(await parseJsonBody(c));
  if (!batch.ok) throw httpError(400, batch.error);
  const body: CollectResponse = { accepted: batch.events.length, duplicates: 0, rejected: batch.rejected };
  return c.json(body, 200);
});
