/** A string store that never throws into the page. */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  del(key: string): void;
  keys(): string[];
}

/**
 * Web Storage behind try/catch: it throws on access when the user blocks site data, in
 * sandboxed iframes and when the quota is full. Every write is mirrored in memory, so a
 * blocked or full storage degrades to a per-page store instead of losing events: a key
 * whose last write failed is read from memory (its stored value, now stale, is removed).
 */
export function storage(kind: 'localStorage' | 'sessionStorage'): Store {
  const memory = new Map<string, string>();
  const unsaved = new Set<string>();
  const native = () => window[kind];
  return {
    get(key) {
      try {
        if (!unsaved.has(key)) return native().getItem(key);
      } catch {}
      return memory.get(key) ?? null;
    },
    set(key, value) {
      memory.set(key, value);
      try {
        native().setItem(key, value);
        unsaved.delete(key);
      } catch {
        unsaved.add(key);
        try {
          native().removeItem(key);
        } catch {}
      }
    },
    del(key) {
      memory.delete(key);
      unsaved.delete(key);
      try {
        native().removeItem(key);
      } catch {}
    },
    keys() {
      try {
        return Object.keys(native());
      } catch {
        return [...memory.keys()];
      }
    },
  };
}
