import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.ts';
import { httpError } from '../lib/httpError.ts';
import { sha256Hex } from '../lib/tokens.ts';
import { siteConfig } from '../prompts/siteConfig.ts';
import { cachedSite } from '../sites/siteCache.ts';

/**
 * `GET /v1/sites/{site}/config`: public (any page of any shop may read it, CORS `*`) and
 * cacheable: a minute in every cache, then revalidated by ETag, so a prompt changed with
 * the admin API reaches shoppers within about 90 s (this and the 30 s site cache).
 */
export const siteConfigRoute = new Hono<AppEnv>();

const CACHE_CONTROL = 'public, max-age=60';

siteConfigRoute.use('*', cors({ origin: '*', allowMethods: ['GET'], exposeHeaders: ['ETag'], maxAge: 86400 }));

siteConfigRoute.get('/:site/config', async (c) => {
  const site = await cachedSite(c.env.DB, c.req.param('site'));
  if (!site) throw httpError(404, 'no such site', { 'Access-Control-Allow-Origin': '*', 'Cache-Control': CACHE_CONTROL });
  const body = JSON.stringify(siteConfig(site));
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_CONTROL);
  const known = c.req.header('If-None-Match');
  if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
});
