import type { PersonaField } from './personaFields.ts';
import { operatorOf, type Persona, type When } from './personaRules.ts';

/**
 * A site's rules as one SQL `CASE` giving each visitor's primary persona. Every value the
 * shop wrote — keys included — travels in ONE bound JSON parameter and is read back by a
 * numeric path (`?N ->> '$[3]'`), so rules can never inject SQL and never hit D1's limit of
 * 100 bound parameters. Each test is wrapped so it is 0 or 1, never NULL: a missing feature
 * then fails the test, and `not` of it holds — the same logic as `matchesWhen`.
 * `gives: 'position'` makes the CASE give the persona's position in the list instead
 * (personas.length for `other`): an integer, cheaper for a report to group by than the key.
 */
export function personaCaseSql(
  personas: readonly Persona[],
  column: (field: PersonaField) => string,
  param: number,
  gives: 'key' | 'position' = 'key',
): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const value = (v: unknown) => {
    values.push(v);
    return `(?${param} ->> '$[${values.length - 1}]')`;
  };
  const compile = (when: When): string => {
    if ('all' in when) return `(${when.all.map(compile).join(' AND ')})`;
    if ('any' in when) return `(${when.any.map(compile).join(' OR ')})`;
    if ('not' in when) return `(NOT ${compile(when.not)})`;
    const col = column(when.field);
    switch (operatorOf(when)) {
      case 'exists':
        return when.exists ? `(${col} IS NOT NULL)` : `(${col} IS NULL)`;
      case 'eq':
        return `coalesce(${col} = ${value(when.eq)}, 0)`;
      case 'in':
        return `coalesce(${col} IN (${when.in!.map(value).join(', ')}), 0)`;
      case 'gte':
        return `coalesce(${col} >= ${value(when.gte)}, 0)`;
      case 'lte':
        return `coalesce(${col} <= ${value(when.lte)}, 0)`;
    }
  };
  const other = gives === 'key' ? `'other'` : String(personas.length);
  if (personas.length === 0) return { sql: other, values };
  const branches = personas.map((p, i) => `WHEN ${compile(p.when)} THEN ${gives === 'key' ? value(p.key) : i}`);
  return { sql: `CASE ${branches.join(' ')} ELSE ${other} END`, values };
}
