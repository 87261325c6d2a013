import type { Stage } from '@waymark/schema';
import type { Persona } from '../personas/personaRules.ts';
import type { Prompt } from '../prompts/promptRules.ts';

export interface Site {
  id: number;
  /** Public site key, `wm_…`: what the SDK sends as `site`. */
  key: string;
  name: string;
  /** Origins allowed to send events (`https://shop.example`, `https://*.shop.example`, `*`). */
  origins: string[];
  /** Stage of the site's custom event types. */
  stageOverrides: Record<string, Stage>;
  /** The site's persona rules, in order; null: the default set (personas/defaultPersonas.ts). */
  personas: Persona[] | null;
  /** The site's feedback prompts; null: none. */
  prompts: Prompt[] | null;
  createdAt: number;
}

export interface SiteRow {
  id: number;
  key: string;
  name: string;
  origins: string;
  stage_overrides: string;
  personas: string | null;
  prompts: string | null;
  created_at: number;
}

export function siteFromRow(row: SiteRow): Site {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    stageOverrides: JSON.parse(row.stage_overrides) as Record<string, Stage>,
    personas: row.personas === null ? null : (JSON.parse(row.personas) as Persona[]),
    prompts: row.prompts === null ? null : (JSON.parse(row.prompts) as Prompt[]),
    createdAt: row.created_at,
  };
}

/** What the admin API shows of a site (never the token hash). */
export function publicSite(site: Site) {
  return {
    site: site.key,
    name: site.name,
    origins: site.origins,
    stage_overrides: site.stageOverrides,
    personas: site.personas,
    prompts: site.prompts ?? [],
    created_at: new Date(site.createdAt).toISOString(),
  };
}
