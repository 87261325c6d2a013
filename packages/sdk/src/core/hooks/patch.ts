type Hook = (self: any, args: any[], result?: any) => void;

/**
 * Wraps `target[name]` so `after` sees each call (after the original ran, with its
 * arguments and result), and `before` if given, without changing what the page gets
 * back. The returned function turns the hooks off, and restores the original when nobody
 * wrapped it after us (un-wrapping under another script's wrapper would cut it out).
 */
export function patch<T extends object>(target: T, name: keyof T, after: Hook, before?: Hook): () => void {
  const original = target[name] as any;
  if (typeof original != 'function') return () => {};
  let on = true;
  const call = (hook: Hook | undefined, self: unknown, args: unknown[], result?: unknown) => {
    try {
      if (on) hook?.(self, args, result);
    } catch {}
  };
  const wrapped = function (this: unknown, ...args: unknown[]) {
    call(before, this, args);
    const result = original.apply(this, args);
    call(after, this, args, result);
    return result;
  };
  (target as any)[name] = wrapped;
  return () => {
    on = false;
    if ((target as any)[name] === wrapped) (target as any)[name] = original;
  };
}
