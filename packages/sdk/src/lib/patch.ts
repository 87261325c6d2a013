/**
 * Wraps `target[name]` so `after` sees each call (after the original ran, with its
 * arguments and result) without changing what the page gets back. The returned function
 * turns the hook off, and restores the original when nobody wrapped it after us
 * (un-wrapping under another script's wrapper would cut it out of the chain).
 */
export function patch<T extends object>(
  target: T,
  name: keyof T,
  after: (self: any, args: any[], result: any) => void,
): () => void {
  const original = target[name] as any;
  if (typeof original != 'function') return () => {};
  let on = true;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (on) {
      try {
        after(this, args, result);
      } catch {}
    }
    return result;
  };
  (target as any)[name] = wrapped;
  return () => {
    on = false;
    if ((target as any)[name] === wrapped) (target as any)[name] = original;
  };
}
