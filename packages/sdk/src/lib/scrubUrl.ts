import { MAX_URL_LENGTH } from '@waymark/schema';

const EMAIL = /[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+/gi;
const PARAM = /([?&#])([^=&#]+)=([^&#]*)/g;
// Whole words of a key name only: `key` and `email` are secrets, `keyword` and `q` are not.
const SECRET_KEY = /(?:^|[^a-z])(?:pass(?:word)?|passwd|pwd|secret|token|auth|api_?key|key|session(?:id)?|sid|sig(?:nature)?|otp|e?mail|card|cvv|iban|phone|tel)(?:[^a-z]|$)/i;

/**
 * The URL as it may leave the browser (SPEC §2): e-mail addresses and the values of
 * secret-looking query keys (`?key=` of an order page, `?token=`,
 * `?email=`…) become `redacted`; the rest (utm_*, click ids, search terms) is kept as is.
 */
export function scrubUrl(url: string): string {
  return scrubEmails(url)
    .replace(PARAM, (param, sep: string, key: string) => (SECRET_KEY.test(key) ? `${sep}${key}=redacted` : param))
    .slice(0, MAX_URL_LENGTH);
}

/** The text with its e-mail addresses (plain or URL-encoded) `redacted`. */
export const scrubEmails = (text: string): string => text.replace(EMAIL, 'redacted');

/**
 * Props with the e-mail addresses of every string in them `redacted`, walked rather than
 * serialised (the event is serialised once, when it is queued); a string without an `@`
 * is kept as it is, unscanned.
 */
export const scrubProps = (value: any): any => {
  if (typeof value == 'string') return /@|%40/.test(value) ? scrubEmails(value) : value;
  if (!value || typeof value != 'object') return value;
  if (Array.isArray(value)) return value.map(scrubProps);
  if (typeof value.toJSON == 'function') return scrubProps(value.toJSON());
  const scrubbed: Record<string, unknown> = {};
  for (const key of Object.keys(value)) scrubbed[key] = scrubProps(value[key]);
  return scrubbed;
};
