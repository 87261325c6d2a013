import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { features, personas } from '../../test/personaArbitraries.ts';
import { DEFAULT_PERSONAS } from './defaultPersonas.ts';
import { primaryPersona } from './matchPersona.ts';
import type { VisitorFeatures } from './personaFields.ts';
import { OTHER, type Persona } from './personaRules.ts';
import { personaCaseSql } from './personaSql.ts';
import { validatePersonas } from './validatePersonas.ts';

/** Each visitor's persona as D1 computes it from the compiled CASE over a table of features. */
async function personasInD1(rules: readonly Persona[], rows: VisitorFeatures[], gives: 'key' | 'position' = 'key'): Promise<(string | number)[]> {
  const { sql, values } = personaCaseSql(rules, (field) => `value ->> '$.${field}'`, 1, gives);
  const result = await env.DB.prepare(`SELECT ${sql} AS persona FROM json_each(?2) ORDER BY key`).bind(JSON.stringify(values), JSON.stringify(rows)).all<{ persona: string | number }>();
  return result.results.map((r) => r.persona);
}

describe('persona rules compiled to SQL', () => {
  it('give every visitor the primary persona the rules give in JavaScript (random rules, random features, NULLs included)', async () => {
    await fc.assert(
      fc.asyncProperty(personas, fc.array(features, { minLength: 1, maxLength: 12 }), async (rules, rows) => {
        const valid = validatePersonas(rules);
        const expected = rows.map((row) => primaryPersona(valid, row));
        expect(await personasInD1(valid, rows)).toEqual(expected);
        const positions = await personasInD1(valid, rows, 'position');
        expect(positions.map((i) => valid[i as number]?.key ?? OTHER)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('the default set compiles and agrees too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(features, { minLength: 1, maxLength: 20 }), async (rows) => {
        expect(await personasInD1(DEFAULT_PERSONAS, rows)).toEqual(rows.map((row) => primaryPersona(DEFAULT_PERSONAS, row)));
      }),
      { numRuns: 50 },
    );
  });

  it('carries no value of the rules in the SQL text: keys and values are bound', () => {
    const hostile = validatePersonas([
      { key: 'p', name: "'); DROP TABLE events; --", description: '', when: { field: 'first_channel', in: ["'); DROP TABLE events; --", 'a"b'] } },
    ]);
    const { sql, values } = personaCaseSql(hostile, (field) => `f.${field}`, 3);
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain("'p'");
    expect(values).toEqual(["'); DROP TABLE events; --", 'a"b', 'p']);
  });
});
