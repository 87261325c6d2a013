import { isbot } from 'isbot';
import type { MiddlewareHandler } from 'hono';
import type { CollectResponse } from '@waymark/schema';

/**
 * Known bots (isbot's user-agent patterns) are answered `202` with nothing stored, so a
 * crawler that runs the SDK neither pollutes journeys nor retries.
 */
export const botFilter = (): MiddlewareHandler => async (c, next) => {
  if (isbot(c.req.header('User-Agent') ?? '')) {
    const body: CollectResponse = { accepted: 0, duplicates: 0, rejected: [] };
    return c.json(body, 202);
  }
  await next();
};
