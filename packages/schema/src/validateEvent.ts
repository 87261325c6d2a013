import {
  CURRENCY_PATTERN,
  CUSTOM_TYPE_PATTERN,
  EVENT_ID_PATTERN,
  MAX_COMMENT_LENGTH,
  MAX_ITEMS,
  MAX_LIST_PRODUCTS,
  MAX_PROPS_BYTES,
  MAX_TIME_MS,
  MAX_URL_LENGTH,
  PROMPT_ID_PATTERN,
} from './limits.ts';
import { isStage, STAGES, SUPPORT_CHANNELS } from './stages.ts';
import type { WireEvent } from './wire.ts';

export type EventCheck = { ok: true; event: WireEvent } | { ok: false; reason: string };

const encoder = new TextEncoder();
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Checks one event against SPEC §2–§3 and says why it is refused, naming the field.
 * Unknown top-level fields are dropped (forward compatibility); unknown props are kept.
 */
export function validateEvent(raw: unknown): EventCheck {
  if (!isObject(raw)) return fail('event must be an object');
  const { id, type, ts, url, ref, anon, session, user, stage } = raw;
  const props = type === 'feedback' ? cappedComment(raw.props) : raw.props;
  if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) return fail('id must be 8–64 chars of [A-Za-z0-9_-]');
  if (typeof type !== 'string' || !CUSTOM_TYPE_PATTERN.test(type)) {
    return fail('type must be a touchpoint type or match ^[a-z][a-z0-9_]{0,63}$');
  }
  if (!isNumber(ts) || ts <= 0 || ts > MAX_TIME_MS) return fail('ts must be a positive number of ms since 1970, as Date.now() gives');
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !isHttpUrl(url)) {
    return fail(`url must be an http(s) URL of at most ${MAX_URL_LENGTH} chars`);
  }
  if (ref !== undefined && ref !== '' && (typeof ref !== 'string' || ref.length > MAX_URL_LENGTH || !isUrl(ref))) {
    return fail(`ref must be a URL (document.referrer) of at most ${MAX_URL_LENGTH} chars`);
  }
  if (typeof session !== 'string' || session.length < 1 || session.length > 64) {
    return fail('session must be a string of 1–64 chars');
  }
  if (anon !== undefined && (typeof anon !== 'string' || anon.length < 1 || anon.length > 64)) {
    return fail('anon must be a string of 1–64 chars');
  }
  if (user !== undefined && (typeof user !== 'string' || user.length < 1 || user.length > 256)) {
    return fail('user must be a string of 1–256 chars');
  }
  if (stage !== undefined && !isStage(stage)) return fail(`stage must be one of ${STAGES.join(', ')}`);
  if (props !== undefined) {
    if (!isObject(props)) return fail('props must be an object');
    const size = serialisedSize(props);
    if (size === undefined) return fail('props cannot be serialised (nested too deeply)');
    if (size > MAX_PROPS_BYTES) return fail(`props is ${size} bytes serialised; the limit is ${MAX_PROPS_BYTES}`);
    const propsProblem = checkTouchpointProps(type, props);
    if (propsProblem) return fail(propsProblem);
  }
  const required = Object.hasOwn(REQUIRED_PROPS, type) ? REQUIRED_PROPS[type] : undefined;
  if (required && !(props && required in props)) return fail(`${type} needs props.${required}`);

  const event: WireEvent = { id, type, ts, url, session };
  if (typeof ref === 'string' && ref !== '') event.ref = ref;
  if (anon !== undefined) event.anon = anon;
  if (user !== undefined) event.user = user;
  if (stage !== undefined) event.stage = stage;
  if (props !== undefined) event.props = props;
  return { ok: true, event };
}

const REQUIRED_PROPS: Record<string, string> = {
  product_view: 'product',
  cart_add: 'product',
  cart_remove: 'product',
  site_search: 'query',
  feedback: 'rating',
  feedback_prompt: 'prompt',
  support_contact: 'via',
};

function checkTouchpointProps(type: string, props: Record<string, unknown>): string | undefined {
  if ('product' in props) {
    const problem = checkProduct(props.product, 'props.product');
    if (problem) return problem;
  }
  for (const [key, max] of [['products', MAX_LIST_PRODUCTS], ['items', MAX_ITEMS]] as const) {
    if (!(key in props)) continue;
    const list = props[key];
    if (!Array.isArray(list)) return `props.${key} must be an array of products`;
    if (list.length > max) return `props.${key} holds ${list.length} products; the limit is ${max}`;
    for (let i = 0; i < list.length; i++) {
      const problem = checkProduct(list[i], `props.${key}[${i}]`);
      if (problem) return problem;
    }
  }
  for (const key of ['value', 'revenue', 'shipping', 'tax'] as const) {
    if (key in props && !isNumber(props[key])) return `props.${key} must be a number`;
  }
  if ('currency' in props && !isCurrency(props.currency)) return 'props.currency must be ISO 4217, upper case';
  for (const key of ['order_id', 'query', 'list', 'step', 'coupon', 'comment', 'page_type', 'subscription_id'] as const) {
    if (key in props && typeof props[key] !== 'string') return `props.${key} must be a string`;
  }
  if (type === 'support_contact' && 'via' in props && !(SUPPORT_CHANNELS as readonly unknown[]).includes(props.via)) {
    return `props.via must be one of ${SUPPORT_CHANNELS.join(', ')}`;
  }
  if (type === 'feedback') {
    const { rating, about } = props;
    if (!Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 5) {
      return 'props.rating must be an integer from 1 to 5';
    }
    if (about !== undefined && !isStage(about)) return `props.about must be one of ${STAGES.join(', ')}`;
    if (props.prompt !== undefined && !isPromptId(props.prompt)) return `props.prompt must match ${PROMPT_ID_PATTERN.source}`;
  }
  if (type === 'feedback_prompt') {
    const { prompt, about, action } = props;
    if (!isPromptId(prompt)) return `props.prompt must match ${PROMPT_ID_PATTERN.source}`;
    if (about !== undefined && !isStage(about)) return `props.about must be one of ${STAGES.join(', ')}`;
    if (action !== 'shown' && action !== 'dismissed') return 'props.action must be shown or dismissed';
  }
  if (type === 'web_vitals') {
    for (const key of ['lcp', 'inp', 'cls', 'fcp', 'ttfb'] as const) {
      if (key in props && !(isNumber(props[key]) && (props[key] as number) >= 0)) {
        return `props.${key} must be a non-negative number`;
      }
    }
  }
  return undefined;
}

function checkProduct(product: unknown, where: string): string | undefined {
  if (!isObject(product)) return `${where} must be an object`;
  const { id, price, currency, quantity } = product;
  if (id !== undefined && (typeof id !== 'string' || id.length === 0 || id.length > 256)) {
    return `${where}.id must be a string of 1–256 chars`;
  }
  if (price !== undefined && !(isNumber(price) && price >= 0)) return `${where}.price must be a non-negative number`;
  if (currency !== undefined && !isCurrency(currency)) return `${where}.currency must be ISO 4217, upper case`;
  if (quantity !== undefined && !(isNumber(quantity) && quantity > 0)) {
    return `${where}.quantity must be a positive number`;
  }
  for (const key of ['name', 'brand', 'category', 'variant'] as const) {
    if (product[key] !== undefined && typeof product[key] !== 'string') return `${where}.${key} must be a string`;
  }
  return undefined;
}

/** A feedback comment past MAX_COMMENT_LENGTH is cut before the size check, not refused. */
function cappedComment(props: unknown): unknown {
  if (!isObject(props) || typeof props.comment !== 'string' || props.comment.length <= MAX_COMMENT_LENGTH) return props;
  return { ...props, comment: props.comment.slice(0, MAX_COMMENT_LENGTH) };
}

function isPromptId(value: unknown): boolean {
  return typeof value === 'string' && PROMPT_ID_PATTERN.test(value);
}

function isCurrency(value: unknown): boolean {
  return typeof value === 'string' && CURRENCY_PATTERN.test(value);
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value) && isUrl(value);
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function fail(reason: string): EventCheck {
  return { ok: false, reason };
}

/** UTF-8 size of the JSON text, or undefined when it cannot be made (e.g. nesting deep enough to overflow the stack). */
function serialisedSize(value: unknown): number | undefined {
  try {
    return encoder.encode(JSON.stringify(value)).length;
  } catch {
    return undefined;
  }
}
