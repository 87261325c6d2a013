import { isStage, PROMPT_ID_PATTERN, STAGES } from '@waymark/schema';
import { LABEL_KEYS, PROMPT_LIMITS, PROMPT_TOUCHPOINTS, type Labels, type Prompt, type PromptTouchpoint, type Texts } from './promptRules.ts';

const LANGUAGE = /^(?:default|[a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/;
const PROMPT_KEYS = ['id', 'about', 'on', 'path', 'question', 'labels', 'comment', 'sample', 'delay_ms'];

/** A prompt that cannot be used, with where it is (`prompts[1] "after_order".question.fr`) and why. */
export class PromptRuleError extends Error {}

/**
 * Checks a site's `prompts` setting and returns it in canonical form (language keys in
 * lower case, defaults filled in). Texts are stored as given: the widget shows them as
 * text, never as markup.
 */
export function validatePrompts(value: unknown): Prompt[] {
  if (!Array.isArray(value)) throw new PromptRuleError('prompts must be an array of {id, about, on, question, …}');
  if (value.length > PROMPT_LIMITS.prompts) throw new PromptRuleError(`prompts: at most ${PROMPT_LIMITS.prompts} prompts (got ${value.length})`);
  const ids = new Set<string>();
  return value.map((item, index) => {
    const at = `prompts[${index}]`;
    if (!isObject(item)) throw new PromptRuleError(`${at} must be an object {id, about, on, question, …}`);
    const extra = Object.keys(item).find((key) => !PROMPT_KEYS.includes(key));
    if (extra !== undefined) throw new PromptRuleError(`${at}: unknown property ${JSON.stringify(extra)} (allowed: ${PROMPT_KEYS.join(', ')})`);
    const { id, about, on, path, question, labels, comment = false, sample = 1, delay_ms = 0 } = item;
    if (typeof id !== 'string' || !PROMPT_ID_PATTERN.test(id)) throw new PromptRuleError(`${at}.id must match ${PROMPT_ID_PATTERN.source}`);
    const named = `${at} "${id}"`;
    if (ids.has(id)) throw new PromptRuleError(`${named}: id used twice`);
    ids.add(id);
    if (!isStage(about)) throw new PromptRuleError(`${named}.about must be one of ${STAGES.join(', ')}`);
    if (!PROMPT_TOUCHPOINTS.includes(on as PromptTouchpoint)) {
      throw new PromptRuleError(`${named}.on must be a touchpoint type a prompt may follow (one of ${PROMPT_TOUCHPOINTS.join(', ')}; never the checkout)`);
    }
    if (path !== undefined && !(typeof path === 'string' && /^\/[^\s]*$/.test(path) && path.length <= PROMPT_LIMITS.pathLength)) {
      throw new PromptRuleError(`${named}.path must be a path pattern starting with / (* for any characters), at most ${PROMPT_LIMITS.pathLength} chars, no spaces`);
    }
    if (typeof comment !== 'boolean') throw new PromptRuleError(`${named}.comment must be true or false`);
    if (typeof sample !== 'number' || !(sample >= 0 && sample <= 1)) throw new PromptRuleError(`${named}.sample must be a number from 0 to 1`);
    if (!Number.isInteger(delay_ms) || (delay_ms as number) < 0 || (delay_ms as number) > PROMPT_LIMITS.maxDelayMs) {
      throw new PromptRuleError(`${named}.delay_ms must be an integer from 0 to ${PROMPT_LIMITS.maxDelayMs}`);
    }
    const prompt: Prompt = {
      id,
      about,
      on: on as PromptTouchpoint,
      question: readTexts(question, `${named}.question`, (text, where) => readText(text, where, PROMPT_LIMITS.questionLength)),
      comment,
      sample,
      delay_ms: delay_ms as number,
    };
    if (path !== undefined) prompt.path = path as string;
    if (labels !== undefined) prompt.labels = readTexts(labels, `${named}.labels`, readLabels, false);
    return prompt;
  });
}

/** Texts per language; a question needs its `default`, labels fall back to the widget's English ones. */
function readTexts<T>(value: unknown, at: string, read: (text: unknown, where: string) => T, needsDefault = true): Texts<T> {
  if (!isObject(value) || (needsDefault && !('default' in value))) {
    throw new PromptRuleError(`${at} must be an object of language → text${needsDefault ? ' with a "default"' : ''} (e.g. {"default": …, "fr": …})`);
  }
  const entries = Object.entries(value);
  if (entries.length > PROMPT_LIMITS.languages) throw new PromptRuleError(`${at}: at most ${PROMPT_LIMITS.languages} languages`);
  const texts: Record<string, T> = {};
  for (const [language, text] of entries) {
    const key = language.toLowerCase();
    if (!LANGUAGE.test(key)) throw new PromptRuleError(`${at}: ${JSON.stringify(language)} is not a language tag (en, fr, pt-br…) or "default"`);
    texts[key] = read(text, `${at}.${key}`);
  }
  return texts as Texts<T>;
}

function readText(value: unknown, at: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw new PromptRuleError(`${at} must be a text of 1–${max} chars`);
  return value.trim();
}

function readLabels(value: unknown, at: string): Labels {
  if (!isObject(value)) throw new PromptRuleError(`${at} must be an object {${LABEL_KEYS.join(', ')}}`);
  const labels: Labels = {};
  for (const [key, text] of Object.entries(value)) {
    if (!(LABEL_KEYS as readonly string[]).includes(key)) throw new PromptRuleError(`${at}: unknown label ${JSON.stringify(key)} (allowed: ${LABEL_KEYS.join(', ')})`);
    labels[key as keyof Labels] = readText(text, `${at}.${key}`, PROMPT_LIMITS.labelLength);
  }
  return labels;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
