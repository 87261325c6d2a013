import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.ts';
import { adminSites } from './routes/adminSites.ts';
import { collect } from './routes/collect.ts';
import { eventExport } from './routes/export.ts';
import { journeyMap } from './routes/map.ts';
import { openapi } from './routes/openapi.ts';
import { personas } from './routes/personas.ts';
import { reports } from './routes/reports.ts';
import { siteConfigRoute } from './routes/siteConfig.ts';
import { validate } from './routes/validate.ts';

export const app = new Hono<AppEnv>();

app.route('/v1/collect', collect);
app.route('/v1/validate', validate);
app.route('/v1/admin/sites', adminSites);
app.route('/v1/export', eventExport);
app.route('/v1/reports', reports);
app.route('/v1/personas', personas);
app.route('/v1/sites', siteConfigRoute);
app.route('/v1/openapi.json', openapi);
app.route('/', journeyMap);

app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));

app.onError((error, c) => {
  if (error instanceof HTTPException) return error.getResponse();
  console.error('unhandled error', error);
  return c.json({ error: 'internal error' }, 500);
});
