/**
 * Whether a browser `Origin` may send events for a site. Patterns: an exact origin
 * (`https://shop.example`), a subdomain wildcard (`https://*.shop.example`), `*`, or `null`:
 * the opaque origin of sandboxed iframes, such as Shopify's custom pixels.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*') || (origin === 'null' && allowed.includes('null'))) return true;
  const given = normaliseOrigin(origin);
  if (!given) return false;
  return allowed.some((pattern) => {
    const wildcard = pattern.match(/^(https?):\/\/\*\.(.+)$/i);
    if (wildcard) {
      const [, scheme, domain] = wildcard;
      return given.startsWith(`${scheme!.toLowerCase()}://`) && given.endsWith(`.${domain!.toLowerCase().replace(/\/+$/, '')}`);
    }
    return normaliseOrigin(pattern) === given;
  });
}

/** `scheme://host[:port]` in lower case, or undefined when the text is no http(s) origin. */
export function normaliseOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}
