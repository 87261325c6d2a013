import fc from 'fast-check';
import { PERSONA_FIELDS, type PersonaField } from '../src/personas/personaFields.ts';
import type { Persona, When } from '../src/personas/personaRules.ts';

/** Random persona rules and visitor features for property tests. */
const FIELDS = Object.keys(PERSONA_FIELDS) as PersonaField[];
const WORDS = ['organic_search', 'direct', 'affiliate', 'google', 'mobile', 'FR', "x' OR 1=1 --", ''];

const featureValue = (field: PersonaField) =>
  PERSONA_FIELDS[field] === 'number' ? fc.option(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(0.5, 4.25)), { nil: null }) : fc.option(fc.constantFrom(...WORDS), { nil: null });
export const features = fc.record(Object.fromEntries(FIELDS.map((f) => [f, featureValue(f)])) as { [K in PersonaField]: fc.Arbitrary<string | number | null> });

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
export const personas = fc.array(when, { minLength: 0, maxLength: 6 }).map((list) => list.map((w, i): Persona => ({ key: `p${i}`, name: `P${i}`, description: '', when: w })));

