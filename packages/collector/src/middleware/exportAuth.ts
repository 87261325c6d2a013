import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { bearerToken } from '../lib/bearerToken.ts';
import { httpError } from '../lib/httpError.ts';
import { sha256Hex } from '../lib/tokens.ts';
import { findSiteByTokenHash } from '../sites/queries.ts';
import type { Site } from '../sites/site.ts';

/** Routes behind `exportAuth()` know the site whose data they may read. */
export type SiteEnv = AppEnv & { Variables: { site: Site } };

/**
 * Export and report routes need `Authorization: Bearer <export token>`: no token or an
 * unknown one is a 401; a valid token with `site=` naming another site is a 403. Without
 * `site=`, the token's own site is meant. The token is found by its SHA-256 (the only
 * form stored), so no comparison runs over secrets.
 */
export const exportAuth = (): MiddlewareHandler<SiteEnv> => async (c, next) => {
  const token = bearerToken(c.req.header('Authorization'));
  if (!token) {
    throw httpError(401, 'export token required: Authorization: Bearer <export token>', { 'WWW-Authenticate': 'Bearer' });
  }
  const site = await findSiteByTokenHash(c.env.DB, await sha256Hex(token));
  if (!site) throw httpError(401, 'invalid export token', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  const named = c.req.query('site');
  if (named !== undefined && named !== site.key) throw httpError(403, 'this export token does not open that site');
  c.set('site', site);
  await next();
};
