/**
 * `obj[key]` when `key` is one of obj's own properties. Keys that come from user YAML (partner ids,
 * tags, KPI ids) may be `constructor` or `toString`: a plain lookup would return Object.prototype's
 * function instead of "absent" (a partner `constructor` without effort summed a function).
 */
export function own<V>(obj: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
