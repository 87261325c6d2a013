import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAS } from './defaultPersonas.ts';
import { validatePersonas } from './validatePersonas.ts';

const rule = (when: unknown, extra: Record<string, unknown> = {}) => [{ key: 'bargain_hunter', name: 'Bargain hunter', description: '', when, ...extra }];
const deep = (levels: number): unknown => (levels === 0 ? { field: 'orders', gte: 1 } : { not: deep(levels - 1) });

describe('validatePersonas', () => {
  it('accepts the default set unchanged', () => {
    expect(validatePersonas(structuredClone(DEFAULT_PERSONAS))).toEqual(DEFAULT_PERSONAS);
  });

  it.each([
    ['not an array', { key: 'x' }, /personas must be an array/],
    ['too many rules', Array.from({ length: 21 }, (_, i) => ({ key: `p${i}`, name: 'P', when: { field: 'orders', gte: 1 } })), /at most 20 rules/],
    ['a bad key', [{ key: 'Robert"); DROP', name: 'x', when: { field: 'orders', gte: 1 } }], /personas\[0\]\.key must match/],
    ['the reserved key other', [{ key: 'other', name: 'x', when: { field: 'orders', gte: 1 } }], /not be "other"/],
    ['a key twice', [...rule({ field: 'orders', gte: 1 }), ...rule({ field: 'orders', gte: 2 })], /personas\[1\] "bargain_hunter": key used twice/],
    ['no name', [{ key: 'a', when: { field: 'orders', gte: 1 } }], /personas\[0\] "a"\.name must be a string/],
    ['an unknown field', rule({ field: 'orders; DROP TABLE events', gte: 1 }), /when\.field: "orders; DROP TABLE events" is not a feature/],
    ['an unknown operator', rule({ field: 'orders', like: '%' }), /when: unknown property "like"/],
    ['no operator', rule({ field: 'orders' }), /exactly one operator/],
    ['two operators', rule({ field: 'orders', gte: 1, lte: 3 }), /exactly one operator .* \(got 2\)/],
    ['a number field compared with text', rule({ field: 'orders', eq: '2' }), /when\.eq must be a finite number \(orders is a number\)/],
    ['a text field ordered', rule({ field: 'first_channel', gte: 2 }), /when\.gte: first_channel is text; use eq or in/],
    ['an empty in', rule({ field: 'first_channel', in: [] }), /when\.in must be an array of 1–50 values/],
    ['exists with a value', rule({ field: 'orders', exists: 'yes' }), /when\.exists must be true or false/],
    ['an empty all', rule({ all: [] }), /when\.all must be a non-empty array/],
    ['all mixed with a condition', rule({ all: [{ field: 'orders', gte: 1 }], field: 'orders' }), /when: unknown property "field"/],
    ['too deep', rule(deep(6)), /nested deeper than 5 levels/],
    ['too many conditions', rule({ any: Array.from({ length: 33 }, () => ({ field: 'orders', gte: 1 })) }), /more than 32 conditions/],
    ['a position in the path', rule({ all: [{ field: 'orders', gte: 1 }, { any: [{ field: 'visits', lte: 'x' }] }] }), /when\.all\[1\]\.any\[0\]\.lte must be a finite number/],
    ['an unknown property of a persona', rule({ field: 'orders', gte: 1 }, { sql: 'x' }), /personas\[0\]: unknown property "sql"/],
  ])('refuses %s, saying where and why', (_, value, reason) => {
    expect(() => validatePersonas(value)).toThrow(reason);
  });
});
