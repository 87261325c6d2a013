import { Hono } from 'hono';
import { CUSTOM_TYPE_PATTERN, isStage, isTouchpointType, STAGES, type Stage } from '@waymark/schema';
import type { AppEnv } from '../env.ts';
import { httpError } from '../lib/httpError.ts';
import { parseJsonBody } from '../lib/parseJsonBody.ts';
import { randomToken, sha256Hex } from '../lib/tokens.ts';
import { adminAuth } from '../middleware/adminAuth.ts';
import type { Persona } from '../personas/personaRules.ts';
import { PersonaRuleError, validatePersonas } from '../personas/validatePersonas.ts';
import type { Prompt } from '../prompts/promptRules.ts';
import { PromptRuleError, validatePrompts } from '../prompts/validatePrompts.ts';
import { normaliseOrigin } from '../sites/originAllowed.ts';
import { insertSite, listSites, updateSite, updateTokenHash } from '../sites/queries.ts';
import { publicSite } from '../sites/site.ts';
import { forgetSite } from '../sites/siteCache.ts';

/** `/v1/admin/sites`: create, list and update sites, rotate export tokens (Bearer ADMIN_TOKEN). */
export const adminSites = new Hono<AppEnv>();

adminSites.use('*', adminAuth());

adminSites.post('/', async (c) => {
  const body = asObject(await parseJsonBody(c));
  const name = readName(body.name);
  if (name === undefined) throw httpError(400, 'name is required: a string of 1–200 chars');
  const origins = readOrigins(body.origins);
  if (origins === undefined) throw httpError(400, 'origins is required: a non-empty array of origins');
  const stageOverrides = readStageOverrides(body.stage_overrides) ?? {};
  const personas = readPersonas(body.personas) ?? null;
  const prompts = readPrompts(body.prompts) ?? null;
  const exportToken = newExportToken();
  const site = await insertSite(c.env.DB, {
    key: 'wm_' + randomToken(12),
    name,
    origins,
    stageOverrides,
    personas,
    prompts,
    tokenHash: await sha256Hex(exportToken),
    createdAt: Date.now(),
  });
  return c.json({ ...publicSite(site), export_token: exportToken }, 201);
});

adminSites.get('/', async (c) => {
  const sites = await listSites(c.env.DB);
  return c.json({ sites: sites.map(publicSite) });
});

adminSites.patch('/:site', async (c) => {
  const body = asObject(await parseJsonBody(c));
  const changes = {
    name: body.name === undefined ? undefined : readName(body.name),
    origins: body.origins === undefined ? undefined : readOrigins(body.origins),
    stageOverrides: body.stage_overrides === undefined ? undefined : readStageOverrides(body.stage_overrides),
    personas: readPersonas(body.personas),
    prompts: readPrompts(body.prompts),
  };
  if (body.name !== undefined && changes.name === undefined) throw httpError(400, 'name must be a string of 1–200 chars');
  if (body.origins !== undefined && changes.origins === undefined) throw httpError(400, 'origins must be a non-empty array of origins');
  const site = await updateSite(c.env.DB, c.req.param('site'), changes);
  if (!site) throw httpError(404, 'no such site');
  forgetSite(site.key);
  return c.json(publicSite(site));
});

adminSites.post('/:site/rotate-token', async (c) => {
  const exportToken = newExportToken();
  const found = await updateTokenHash(c.env.DB, c.req.param('site'), await sha256Hex(exportToken));
  if (!found) throw httpError(404, 'no such site');
  return c.json({ site: c.req.param('site'), export_token: exportToken });
});

function newExportToken(): string {
  return 'wm_exp_' + randomToken(32);
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw httpError(400, 'body must be a JSON object');
  return body as Record<string, unknown>;
}

function readName(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 200 ? value.trim() : undefined;
}

function readOrigins(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) return undefined;
  const origins: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return undefined;
    if (item === '*' || item === 'null') origins.push(item);
    else if (/^https?:\/\/\*\.[a-z0-9.-]+$/i.test(item)) origins.push(item.toLowerCase());
    else {
      const origin = normaliseOrigin(item);
      if (!origin) throw httpError(400, `origin ${JSON.stringify(item)} is not an http(s) origin`);
      origins.push(origin);
    }
  }
  return origins;
}

/** `personas`: the site's rules in order; `null` returns the site to the default set. */
function readPersonas(value: unknown): Persona[] | null | undefined {
  if (value === undefined || value === null) return value;
  try {
    return validatePersonas(value);
  } catch (error) {
    if (error instanceof PersonaRuleError) throw httpError(400, error.message);
    throw error;
  }
}

/** `prompts`: the site's feedback prompts; `null` or `[]` removes them all. */
function readPrompts(value: unknown): Prompt[] | null | undefined {
  if (value === undefined || value === null) return value;
  try {
    const prompts = validatePrompts(value);
    return prompts.length ? prompts : null;
  } catch (error) {
    if (error instanceof PromptRuleError) throw httpError(400, error.message);
    throw error;
  }
}

function readStageOverrides(value: unknown): Record<string, Stage> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw httpError(400, 'stage_overrides must be an object of custom type → stage');
  }
  const overrides: Record<string, Stage> = {};
  for (const [type, stage] of Object.entries(value)) {
    if (!CUSTOM_TYPE_PATTERN.test(type) || isTouchpointType(type)) {
      throw httpError(400, `stage_overrides: ${JSON.stringify(type)} is not a custom event type`);
    }
    if (!isStage(stage)) throw httpError(400, `stage_overrides.${type} must be one of ${STAGES.join(', ')}`);
    overrides[type] = stage;
  }
  return overrides;
}
