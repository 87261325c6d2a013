/** The object without its undefined fields and empty lists: absent facts are left out. */
export function compact<T extends Record<string, any>>(object: T): T {
  const result: Record<string, unknown> = {};
  for (const key in object) {
    const value = object[key];
    if (value !== undefined && !(Array.isArray(value) && !value.length)) result[key] = value;
  }
  return result as T;
}
