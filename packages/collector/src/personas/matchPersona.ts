import type { VisitorFeatures } from './personaFields.ts';
import { operatorOf, OTHER, type Condition, type Persona, type When } from './personaRules.ts';

/** Whether a visitor's features satisfy a rule. A missing feature (null) fails every test but `exists: false`. */
export function matchesWhen(when: When, features: VisitorFeatures): boolean {
  if ('all' in when) return when.all.every((w) => matchesWhen(w, features));
  if ('any' in when) return when.any.some((w) => matchesWhen(w, features));
  if ('not' in when) return !matchesWhen(when.not, features);
  return conditionHolds(when, features);
}

function conditionHolds(condition: Condition, features: VisitorFeatures): boolean {
  const value = features[condition.field];
  const op = operatorOf(condition);
  if (op === 'exists') return (value !== null) === condition.exists;
  if (value === null) return false;
  switch (op) {
    case 'eq':
      return value === condition.eq;
    case 'in':
      return condition.in!.includes(value);
    case 'gte':
      return (value as number) >= condition.gte!;
    case 'lte':
      return (value as number) <= condition.lte!;
  }
}

/** The visitor's primary persona: the first rule in the site's order that matches, else `other`. */
export function primaryPersona(personas: readonly Persona[], features: VisitorFeatures): string {
  return personas.find((p) => matchesWhen(p.when, features))?.key ?? OTHER;
}

/** Every persona the visitor matches, in the site's order (a visitor may be several kinds of shopper). */
export function matchingPersonas(personas: readonly Persona[], features: VisitorFeatures): string[] {
  return personas.filter((p) => matchesWhen(p.when, features)).map((p) => p.key);
}
