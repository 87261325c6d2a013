import type { Product } from '@waymark/schema';
import { toNumber } from './toNumber.ts';

export type Loose = Record<string, any>;

/** A short piece of text: strings and numbers as they are, `{name}` objects by name. */
export function toText(value: unknown): string | undefined {
  if (Array.isArray(value)) return toText(value[0]);
  if (value && typeof value == 'object') return toText((value as Loose).name);
  const text = typeof value == 'number' ? String(value) : typeof value == 'string' ? value.trim() : '';
  return text ? text.slice(0, 256) : undefined;
}

/** ISO 4217, upper case, or nothing. */
export function toCurrency(value: unknown): string | undefined {
  const code = typeof value == 'string' ? value.trim().toUpperCase() : '';
  return /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** A non-negative number, or nothing. */
export function toAmount(value: unknown): number | undefined {
  const number = toNumber(value);
  return number! >= 0 ? number : undefined;
}

/**
 * A product of SPEC §3 from loosely typed fields: only facts that pass the collector's
 * checks are kept (absent facts are left out, never guessed).
 */
export function toProduct(fields: Loose): Product {
  const product: Loose = {};
  for (const key of ['id', 'name', 'brand', 'category', 'variant']) {
    const text = toText(fields[key]);
    if (text) product[key] = text;
  }
  const price = toAmount(fields.price);
  const currency = toCurrency(fields.currency);
  const quantity = toNumber(fields.quantity);
  if (price !== undefined) product.price = price;
  if (currency) product.currency = currency;
  if (quantity! > 0) product.quantity = quantity;
  return product;
}

/** Merges products field by field: earlier arguments are the more trusted. */
export function mergeProducts(...products: (Product | undefined)[]): Product {
  return Object.assign({}, ...products.reverse());
}

/** True when a product says something. */
export const hasFacts = (product: Product | undefined): product is Product =>
  !!product && Object.keys(product).length > 0;
