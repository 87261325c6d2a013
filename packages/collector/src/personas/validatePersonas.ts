import { isPersonaField, PERSONA_FIELDS } from './personaFields.ts';
import { LIMITS, OPERATORS, OTHER, type Condition, type Persona, type When } from './personaRules.ts';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** A rule that cannot be used, with where it is (`personas[2] "bargain_hunter" when.all[0].gte`) and why. */
export class PersonaRuleError extends Error {}

/**
 * Checks a site's `personas` setting and returns it in canonical form. Every name a rule
 * uses comes from a fixed table (fields, operators, combinators), so nothing a shop writes
 * reaches SQL except as a bound value.
 */
export function validatePersonas(value: unknown): Persona[] {
  if (!Array.isArray(value)) throw new PersonaRuleError('personas must be an array of {key, name, description, when}');
  if (value.length > LIMITS.personas) throw new PersonaRuleError(`personas: at most ${LIMITS.personas} rules (got ${value.length})`);
  const keys = new Set<string>();
  return value.map((item, index) => {
    const at = `personas[${index}]`;
    if (!isObject(item)) throw new PersonaRuleError(`${at} must be an object {key, name, description, when}`);
    unknownKeys(item, ['key', 'name', 'description', 'when'], at);
    const { key, name, description = '', when } = item;
    if (typeof key !== 'string' || !KEY.test(key) || key === OTHER) {
      throw new PersonaRuleError(`${at}.key must match ${KEY.source} and not be "${OTHER}"`);
    }
    const named = `${at} "${key}"`;
    if (keys.has(key)) throw new PersonaRuleError(`${named}: key used twice`);
    keys.add(key);
    if (typeof name !== 'string' || name.trim() === '' || name.length > LIMITS.nameLength) {
      throw new PersonaRuleError(`${named}.name must be a string of 1–${LIMITS.nameLength} chars`);
    }
    if (typeof description !== 'string' || description.length > LIMITS.descriptionLength) {
      throw new PersonaRuleError(`${named}.description must be a string of at most ${LIMITS.descriptionLength} chars`);
    }
    const count = { conditions: 0 };
    const checked = readWhen(when, `${named}.when`, 1, count);
    return { key, name: name.trim(), description, when: checked };
  });
}

function readWhen(value: unknown, at: string, depth: number, count: { conditions: number }): When {
  if (depth > LIMITS.depth) throw new PersonaRuleError(`${at}: nested deeper than ${LIMITS.depth} levels`);
  if (!isObject(value)) throw new PersonaRuleError(`${at} must be an object: {all: […]}, {any: […]}, {not: …} or {field, <operator>}`);
  for (const combinator of ['all', 'any'] as const) {
    if (combinator in value) {
      unknownKeys(value, [combinator], at);
      const list = value[combinator];
      if (!Array.isArray(list) || list.length === 0) throw new PersonaRuleError(`${at}.${combinator} must be a non-empty array`);
      return { [combinator]: list.map((item, i) => readWhen(item, `${at}.${combinator}[${i}]`, depth + 1, count)) } as When;
    }
  }
  if ('not' in value) {
    unknownKeys(value, ['not'], at);
    return { not: readWhen(value.not, `${at}.not`, depth + 1, count) };
  }
  if (++count.conditions > LIMITS.conditionsPerPersona) {
    throw new PersonaRuleError(`${at}: more than ${LIMITS.conditionsPerPersona} conditions in one persona`);
  }
  return readCondition(value, at);
}

function readCondition(value: Record<string, unknown>, at: string): Condition {
  const { field } = value;
  if (!isPersonaField(field)) {
    throw new PersonaRuleError(`${at}.field: ${JSON.stringify(field ?? null)} is not a feature (one of ${Object.keys(PERSONA_FIELDS).join(', ')})`);
  }
  const ops = OPERATORS.filter((op) => value[op] !== undefined);
  unknownKeys(value, ['field', ...OPERATORS], at);
  if (ops.length !== 1) throw new PersonaRuleError(`${at}: exactly one operator of ${OPERATORS.join(', ')} (got ${ops.length})`);
  const op = ops[0]!;
  const operand = value[op];
  const type = PERSONA_FIELDS[field];
  const fits = (v: unknown) => (type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' && v.length <= LIMITS.stringLength);
  const expected = type === 'number' ? 'a finite number' : `a string of at most ${LIMITS.stringLength} chars`;
  switch (op) {
    case 'exists':
      if (typeof operand !== 'boolean') throw new PersonaRuleError(`${at}.exists must be true or false`);
      break;
    case 'gte':
    case 'lte':
      if (type !== 'number') throw new PersonaRuleError(`${at}.${op}: ${field} is text; use eq or in`);
      if (!fits(operand)) throw new PersonaRuleError(`${at}.${op} must be ${expected}`);
      break;
    case 'eq':
      if (!fits(operand)) throw new PersonaRuleError(`${at}.eq must be ${expected} (${field} is a ${type})`);
      break;
    case 'in':
      if (!Array.isArray(operand) || operand.length === 0 || operand.length > LIMITS.inValues || !operand.every(fits)) {
        throw new PersonaRuleError(`${at}.in must be an array of 1–${LIMITS.inValues} values, each ${expected} (${field} is a ${type})`);
      }
      break;
  }
  return { field, [op]: operand } as Condition;
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], at: string) {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra !== undefined) throw new PersonaRuleError(`${at}: unknown property ${JSON.stringify(extra)} (allowed: ${allowed.join(', ')})`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
