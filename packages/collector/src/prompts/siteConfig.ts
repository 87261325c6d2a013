import type { Site } from '../sites/site.ts';
import type { Prompt } from './promptRules.ts';

/** A prompt as the SDK gets it: its path pattern already a regular expression over `location.pathname`. */
export type ConfigPrompt = Omit<Prompt, 'path'> & { path?: string };

/**
 * What the SDK of a site needs (SPEC §6): its feedback prompts, nothing secret. Path
 * patterns are compiled here, so the script in every shop page carries no glob parser.
 */
export function siteConfig(site: Site): { prompts: ConfigPrompt[] } {
  return { prompts: (site.prompts ?? []).map(({ path, ...prompt }) => (path === undefined ? prompt : { ...prompt, path: pathPattern(path) })) };
}

/** `/checkout/thank_you*` → `^/checkout/thank_you.*$`: `*` any characters, everything else literal. */
export function pathPattern(glob: string): string {
  return '^' + glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$';
}
