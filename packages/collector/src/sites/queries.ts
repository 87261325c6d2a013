import type { Stage } from '@waymark/schema';
import type { Persona } from '../personas/personaRules.ts';
import type { Prompt } from '../prompts/promptRules.ts';
import { siteFromRow, type Site, type SiteRow } from './site.ts';

const SITE_COLUMNS = 'id, key, name, origins, stage_overrides, personas, prompts, created_at';

export async function insertSite(
  db: D1Database,
  site: { key: string; name: string; origins: string[]; stageOverrides: Record<string, Stage>; personas: Persona[] | null; prompts: Prompt[] | null; tokenHash: string; createdAt: number },
): Promise<Site> {
  const row = await db
    .prepare(
      `INSERT INTO sites (key, name, origins, stage_overrides, personas, prompts, export_token_hash, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING ${SITE_COLUMNS}`,
    )
    .bind(
      site.key,
      site.name,
      JSON.stringify(site.origins),
      JSON.stringify(site.stageOverrides),
      site.personas && JSON.stringify(site.personas),
      site.prompts && JSON.stringify(site.prompts),
      site.tokenHash,
      site.createdAt,
    )
    .first<SiteRow>();
  return siteFromRow(row!);
}

export async function findSiteByKey(db: D1Database, key: string): Promise<Site | undefined> {
  const row = await db.prepare(`SELECT ${SITE_COLUMNS} FROM sites WHERE key = ?1`).bind(key).first<SiteRow>();
  return row ? siteFromRow(row) : undefined;
}

export async function findSiteByTokenHash(db: D1Database, tokenHash: string): Promise<Site | undefined> {
  const row = await db
    .prepare(`SELECT ${SITE_COLUMNS} FROM sites WHERE export_token_hash = ?1`)
    .bind(tokenHash)
    .first<SiteRow>();
  return row ? siteFromRow(row) : undefined;
}

export async function listSites(db: D1Database): Promise<Site[]> {
  const { results } = await db.prepare(`SELECT ${SITE_COLUMNS} FROM sites ORDER BY id`).all<SiteRow>();
  return results.map(siteFromRow);
}

export async function updateSite(
  db: D1Database,
  key: string,
  changes: { name?: string; origins?: string[]; stageOverrides?: Record<string, Stage>; personas?: Persona[] | null; prompts?: Prompt[] | null },
): Promise<Site | undefined> {
  const row = await db
    .prepare(
      `UPDATE sites SET name = coalesce(?2, name), origins = coalesce(?3, origins),
         stage_overrides = coalesce(?4, stage_overrides),
         personas = CASE WHEN ?5 THEN ?6 ELSE personas END,
         prompts = CASE WHEN ?7 THEN ?8 ELSE prompts END
       WHERE key = ?1 RETURNING ${SITE_COLUMNS}`,
    )
    .bind(
      key,
      changes.name ?? null,
      changes.origins ? JSON.stringify(changes.origins) : null,
      changes.stageOverrides ? JSON.stringify(changes.stageOverrides) : null,
      changes.personas !== undefined ? 1 : 0,
      changes.personas ? JSON.stringify(changes.personas) : null,
      changes.prompts !== undefined ? 1 : 0,
      changes.prompts ? JSON.stringify(changes.prompts) : null,
    )
    .first<SiteRow>();
  return row ? siteFromRow(row) : undefined;
}

export async function updateTokenHash(db: D1Database, key: string, tokenHash: string): Promise<boolean> {
  const result = await db.prepare('UPDATE sites SET export_token_hash = ?2 WHERE key = ?1').bind(key, tokenHash).run();
  return result.meta.changes > 0;
}
