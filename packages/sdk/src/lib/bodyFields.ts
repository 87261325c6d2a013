import type { Loose } from './toProduct.ts';

/** The fields of a request or form body: FormData, URLSearchParams, urlencoded or JSON text, or fields read already (a submitted form's). */
export function bodyFields(body: unknown): Loose {
  if (Object.getPrototypeOf(body ?? 0) == Object.prototype) return body as Loose;
  if (typeof body == 'string') {
    try {
      const json = JSON.parse(body);
      return json && typeof json == 'object' ? json : {};
    } catch {
      body = new URLSearchParams(body);
    }
  }
  return body instanceof URLSearchParams || body instanceof FormData
    ? Object.fromEntries([...(body as URLSearchParams)].filter(([, value]) => typeof value == 'string'))
    : {};
}
