import { Hono } from 'hono';
import { exportAuth, type SiteEnv } from '../middleware/exportAuth.ts';
import { DEFAULT_PERSONAS } from '../personas/defaultPersonas.ts';

/** `GET /v1/personas`: the persona rules in effect for the token's site (its own, or the default set). */
export const personas = new Hono<SiteEnv>();

personas.use('*', exportAuth());

personas.get('/', (c) => {
  const site = c.get('site');
  c.header('Cache-Control', 'private, no-store');
  return c.json({ site: site.key, default: site.personas === null, personas: site.personas ?? DEFAULT_PERSONAS });
});
