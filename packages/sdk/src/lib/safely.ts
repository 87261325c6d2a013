/**
 * Calls `fn`, swallowing anything it throws: the SDK never throws into the page, whatever
 * the markup, storage or network do.
 */
export function safely<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return fn(...args);
    } catch {
      return undefined;
    }
  };
}
