import { describe, expect, it } from 'vitest';
import { EXPORT_PARAMS } from '../src/export/exportParams.ts';
import { call } from './helpers.ts';

describe('GET /v1/openapi.json', () => {
  it('describes every endpoint, and every $ref resolves', async () => {
    const response = await call('/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as any;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/map',
      '/v1/admin/sites',
      '/v1/admin/sites/{site}',
      '/v1/admin/sites/{site}/rotate-token',
      '/v1/collect',
      '/v1/export',
      '/v1/openapi.json',
      '/v1/personas',
      '/v1/reports/feedback',
      '/v1/reports/flows',
      '/v1/reports/funnel',
      '/v1/reports/journey',
      '/v1/reports/personas',
      '/v1/sites/{site}/config',
      '/v1/validate',
    ]);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(document.components.schemas).toHaveProperty(ref);
  });

  it('lists the export parameters the endpoint accepts', async () => {
    const document = (await (await call('/v1/openapi.json')).json()) as any;
    const names = document.paths['/v1/export'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual([...EXPORT_PARAMS]);
  });
});
