import type { Product } from '@waymark/schema';
import { compact } from './compact.ts';
import { toNumber } from './toNumber.ts';

export type Loose = Record<string, any>;

/** The product fields of SPEC §3, in the order the field lists of `pick` name them. */
const FIELDS = ['id', 'name', 'price', 'currency', 'brand', 'category', 'variant', 'quantity'];

/**
 * The product fields of a source object, raw: `names` lists, per product field in
 * `FIELDS` order and space-separated, the source's names for it (`a|b`: the first that is
 * set; `a.b`: a nested field; `_`: none). One mapper serves every signal, each a string.
 */
export const pick = (source: Loose, names: string): Loose => {
  const fields: Loose = {};
  names.split(' ').map((alternatives, i) => {
    for (const path of alternatives.split('|')) {
      const value = path.split('.').reduce((object, key) => object?.[key], source);
      if (value != null && (value as unknown) !== '') return (fields[FIELDS[i]!] = value);
    }
  });
  return fields;
};

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** A short piece of text: strings and numbers as they are, `{name}` objects by name. */
export function toText(value: unknown): string | undefined {
  if (Array.isArray(value)) return toText(value[0]);
  if (value && typeof value == 'object') return toText((value as Loose).name);
  let text = typeof value == 'number' ? String(value) : typeof value == 'string' ? value.trim() : '';
  // Templates escape what they print, inside JSON-LD too (`&#039;`): decoded as
  // text by a <textarea>, or, where Trusted Types forbid `innerHTML`, by hand.
  if (/&#?\w+;/.test(text)) {
    try {
      const decoder = document.createElement('textarea');
      decoder.innerHTML = text;
      text = decoder.value;
    } catch {
      text = text.replace(/&(#x?)?(\w+);/gi, (entity, hash: string | undefined, name: string) => {
        const code = hash ? parseInt(name, hash.length > 1 ? 16 : 10) : 0;
        return code < 0x110000 ? (code ? String.fromCodePoint(code) : (ENTITIES[name.toLowerCase()] ?? entity)) : entity;
      });
    }
  }
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
  const quantity = toNumber(fields.quantity);
  return compact({
    id: toText(fields.id),
    name: toText(fields.name),
    price: toAmount(fields.price),
    currency: toCurrency(fields.currency),
    brand: toText(fields.brand),
    category: toText(fields.category),
    variant: toText(fields.variant),
    quantity: quantity! > 0 ? quantity : undefined,
  });
}

/** Merges products field by field: earlier arguments are the more trusted. */
export function mergeProducts(...products: (Product | undefined | false)[]): Product {
  return Object.assign({}, ...products.reverse());
}

/** True when a product is one: it has an id or a name (a price alone names nothing). */
export const named = (product: Product | undefined): product is Product => !!(product?.id || product?.name);

/** True when a product says something. */
export const hasFacts = (product: Product | undefined): product is Product => !!product && Object.keys(product).length > 0;
