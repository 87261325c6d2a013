import type { PersonaField } from './personaFields.ts';

/** A test of one feature; exactly one operator. A feature that does not exist (null) passes only `exists: false`. */
export interface Condition {
  field: PersonaField;
  eq?: string | number;
  in?: (string | number)[];
  gte?: number;
  lte?: number;
  exists?: boolean;
}

export type When = { all: When[] } | { any: When[] } | { not: When } | Condition;

export interface Persona {
  /** `^[a-z][a-z0-9_]{0,39}$`; `other` is the name of "no rule matched". */
  key: string;
  name: string;
  description: string;
  when: When;
}

export const OPERATORS = ['eq', 'in', 'gte', 'lte', 'exists'] as const;
export type Operator = (typeof OPERATORS)[number];

/** The persona of a visitor no rule matches. */
export const OTHER = 'other';

export const LIMITS = { personas: 20, depth: 5, conditionsPerPersona: 32, inValues: 50, stringLength: 100, nameLength: 80, descriptionLength: 400 } as const;

export function operatorOf(condition: Condition): Operator {
  return OPERATORS.find((op) => condition[op] !== undefined)!;
}
