import type { Store } from './storage.ts';

/** A store that lives as long as the page: what nothing-stored modes use. */
export function memoryStore(): Store {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    del: (key) => void map.delete(key),
  };
}
