import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAS } from './defaultPersonas.ts';
import { primaryPersona } from './matchPersona.ts';
import { PERSONA_FIELDS, type PersonaField, type VisitorFeatures } from './personaFields.ts';
import type { Persona, When } from './personaRules.ts';
import { personaCaseSql } from './personaSql.ts';
import { validatePersonas } from './validatePersonas.ts';

const FIELDS = Object.keys(PERSONA_FIELDS) as PersonaField[];
const WORDS = ['organic_search', 'direct', 'affiliate', 'google', 'mobile', 'FR', "x' OR 1=1 --", ''];

const featureValue = (field: PersonaField) =>
  PERSONA_FIELDS[field] === 'number' ? fc.option(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(0.5, 4.25)), { nil: null }) : fc.option(fc.constantFrom(...WORDS), { nil: null });
const features = fc.record(Object.fromEntries(FIELDS.map((f) => [f, featureValue(f)])) as { [K in PersonaField]: fc.Arbitrary<string | number | null> });

const operand = (field: PersonaField): fc.Arbitrary<string | number> => (PERSONA_FIELDS[field] === 'number' ? fc.integer({ min: 0, max: 12 }) : fc.constantFrom(...WORDS));
const condition: fc.Arbitrary<When> = fc.constantFrom(...FIELDS).chain((field) =>
  fc.oneof(
    operand(field).map((v) => ({ field, eq: v })),
    fc.array(operand(field), { minLength: 1, maxLength: 3 }).map((v) => ({ field, in: v })),
    fc.boolean().map((v) => ({ field, exists: v })),
    ...(PERSONA_FIELDS[field] === 'number' ? [fc.integer({ min: 0, max: 12 }).map((v) => ({ field, gte: v })), fc.integer({ min: 0, max: 12 }).map((v) => ({ field, lte: v }))] : []),
  ),
);
const when: fc.Arbitrary<When> = fc.letrec<{ when: When }>((tie) => ({
  when: fc.oneof(
    { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
    condition,
    fc.array(tie('when'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('when'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('when').map((not) => ({ not })),
  ),
})).when;
const personas = fc.array(when, { minLength: 0, maxLength: 6 }).map((list) => list.map((w, i): Persona => ({ key: `p${i}`, name: `P${i}`, description: '', when: w })));

/** Each visitor's persona as D1 computes it from the compiled CASE over a table of features. */
async function personasInD1(rules: readonly Persona[], rows: VisitorFeatures[]): Promise<string[]> {
  const { sql, values } = personaCaseSql(rules, (field) => `value ->> '$.${field}'`, 1);
  const result = await env.DB.prepare(`SELECT ${sql} AS persona FROM json_each(?2) ORDER BY key`).bind(JSON.stringify(values), JSON.stringify(rows)).all<{ persona: string }>();
  return result.results.map((r) => r.persona);
}

describe('persona rules compiled to SQL', () => {
  it('give every visitor the primary persona the rules give in JavaScript (random rules, random features, NULLs included)', async () => {
    await fc.assert(
      fc.asyncProperty(personas, fc.array(features, { minLength: 1, maxLength: 12 }), async (rules, rows) => {
        const valid = validatePersonas(rules);
        expect(await personasInD1(valid, rows)).toEqual(rows.map((row) => primaryPersona(valid, row)));
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
