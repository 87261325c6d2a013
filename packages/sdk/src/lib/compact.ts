import type { Loose } from './toProduct.ts';

/** The object without its undefined fields and empty lists: absent facts are left out. */
export function compact<T extends Loose>(object: T): T {
  const result: Loose = {};
  for (const key in object) {
    const value = object[key];
    if (value !== undefined && !(Array.isArray(value) && !value.length)) result[key] = value;
  }
  return result as T;
}
