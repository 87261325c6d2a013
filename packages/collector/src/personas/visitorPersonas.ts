import { matchingPersonas, primaryPersona } from './matchPersona.ts';
import type { PersonaField, VisitorFeatures } from './personaFields.ts';
import type { Persona, When } from './personaRules.ts';

/**
 * Which personas a visitor is, and why: for each persona they match, the features its rule
 * tests with the visitor's values, so an analyst can check a classification by eye.
 */
export function visitorPersonas(personas: readonly Persona[], features: VisitorFeatures) {
  const matching = new Set(matchingPersonas(personas, features));
  return {
    primary: primaryPersona(personas, features),
    matching: personas
      .filter((p) => matching.has(p.key))
      .map((p) => ({ key: p.key, name: p.name, because: Object.fromEntries([...fieldsOf(p.when)].map((field) => [field, features[field]])) })),
    features,
  };
}

function fieldsOf(when: When, into = new Set<PersonaField>()): Set<PersonaField> {
  if ('all' in when) when.all.forEach((w) => fieldsOf(w, into));
  else if ('any' in when) when.any.forEach((w) => fieldsOf(w, into));
  else if ('not' in when) fieldsOf(when.not, into);
  else into.add(when.field);
  return into;
}
