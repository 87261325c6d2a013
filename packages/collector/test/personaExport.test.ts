import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAS } from '../src/personas/defaultPersonas.ts';
import { primaryPersona } from '../src/personas/matchPersona.ts';
import { call, collect, createSite, storedEvents } from './helpers.ts';
import { bearer, csvObjects, parseNdjson } from './exportHelpers.ts';
import { KNOWN_SHOPPERS, knownShopperEvents } from './knownShoppers.ts';
import { featuresFromEvents } from './personaReference.ts';

const range = () => `from=${Date.now() - 366 * 86_400_000}&to=${Date.now() + 60_000}`;

async function seedKnownShoppers() {
  const created = await createSite();
  const response = await collect({ site: created.site, sent_at: Date.now(), events: knownShopperEvents(Date.now()) });
  expect(((await response.json()) as { rejected: unknown[] }).rejected).toEqual([]);
  return created;
}

describe('GET /v1/export: personas', () => {
  it('gives every event its visitor’s primary persona now, the same as the rules over raw events, in NDJSON and CSV', async () => {
    const { site, export_token } = await seedKnownShoppers();
    const stored = await storedEvents(site);
    const records = parseNdjson(await (await call(`/v1/export?${range()}&limit=10000`, { headers: bearer(export_token) })).text());
    expect(records).toHaveLength(stored.length);
    const now = Date.now();
    for (const record of records) {
      const own = stored.filter((row) => row.visitor === record.visitor);
      expect(record.persona).toBe(primaryPersona(DEFAULT_PERSONAS, featuresFromEvents(own, now)));
    }
    expect(new Set(records.map((r) => r.persona))).toEqual(new Set(KNOWN_SHOPPERS.map((s) => s.expected)));
    const csv = csvObjects(await (await call(`/v1/export?${range()}&limit=10000&format=csv`, { headers: bearer(export_token) })).text());
    expect(csv.map((row) => row.persona)).toEqual(records.map((r) => r.persona));
  });

  it('filters by persona and by device, and refuses a persona the site does not have', async () => {
    const { export_token } = await seedKnownShoppers();
    const loyal = parseNdjson(await (await call(`/v1/export?${range()}&persona=loyal_customer,other`, { headers: bearer(export_token) })).text());
    expect(new Set(loyal.map((r) => r.persona))).toEqual(new Set(['loyal_customer', 'other']));
    expect(loyal).toHaveLength(KNOWN_SHOPPERS.filter((s) => ['loyal_customer', 'other'].includes(s.expected)).reduce((n, s) => n + s.steps.length, 0));
    const tablets = await call(`/v1/export?${range()}&device=tablet`, { headers: bearer(export_token) });
    expect(parseNdjson(await tablets.text())).toEqual([]);
    const unknown = await call(`/v1/export?${range()}&persona=big_spender`, { headers: bearer(export_token) });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/persona "big_spender" is not valid: one or more of the site's personas: loyal_customer, .*, other/);
  });
});
