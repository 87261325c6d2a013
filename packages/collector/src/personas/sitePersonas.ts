import type { Site } from '../sites/site.ts';
import { DEFAULT_PERSONAS } from './defaultPersonas.ts';
import type { Persona } from './personaRules.ts';

/** The persona rules in effect for a site: its own, or the default set when it sets none. */
export function sitePersonas(site: Pick<Site, 'personas'>): readonly Persona[] {
  return site.personas ?? DEFAULT_PERSONAS;
}
