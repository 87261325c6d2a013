import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { EXPORT_SQL } from '../src/export/queries.ts';

/** The plan's detail lines, e.g. `SEARCH events USING PRIMARY KEY (site_id=? AND ts>? AND ts<?)`. */
async function plan(sql: string, params: unknown[]): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

const SELECTION = [1, 0, 10, 0, '', null, null, null];

describe('query plans', () => {
  it('export chunks are a range of the clustered primary key in its order, no sort', async () => {
    const detail = await plan(EXPORT_SQL.chunk, [...SELECTION, 5, 'x', 500]);
    expect(detail[0]).toMatch(/^SEARCH events USING PRIMARY KEY \(site_id=\? AND ts>\? AND ts<\?\)$/);
    expect(detail.join('\n')).not.toMatch(/TEMP B-TREE|SCAN events/);
  });

  it('the page-end look-ahead is the same range', async () => {
    const detail = await plan(EXPORT_SQL.pageEnd, [...SELECTION, 999]);
    expect(detail[0]).toMatch(/^SEARCH events USING PRIMARY KEY \(site_id=\? AND ts>\? AND ts<\?\)$/);
    expect(detail.join('\n')).not.toMatch(/TEMP B-TREE|SCAN events/);
  });
});
