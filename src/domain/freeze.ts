/**
 * Data read once and shared by every caller for the life of the process (the installation's
 * data/, call packs) is frozen: a caller that changed it would change the next build's checks in
 * watch mode, or the next test's in a shared process. Maps and Sets are left as they are (freezing
 * does not reach their entries); the loaders expose them only through read functions.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
