import type { Stage } from '@waymark/schema';

export interface Site {
  id: number;
  /** Public site key, `wm_…`: what the SDK sends as `site`. */
  key: string;
  name: string;
  /** Origins allowed to send events (`https://shop.example`, `https://*.shop.example`, `*`). */
  origins: string[];
  /** Stage of the site's custom event types. */
  stageOverrides: Record<string, Stage>;
  createdAt: number;
}

export interface SiteRow {
  id: number;
  key: string;
  name: string;
  origins: string;
  stage_overrides: string;
  created_at: number;
}

export function siteFromRow(row: SiteRow): Site {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    stageOverrides: JSON.parse(row.stage_overrides) as Record<string, Stage>,
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
    created_at: new Date(site.createdAt).toISOString(),
  };
}
