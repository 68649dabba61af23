// Which build of edih is running: the start-up bundle's id when edih runs from the bundle,
// undefined when it runs from dist/ or from sources. Caches that hold what edih's code computed
// (the parsed-input cache) key on it, so a new build never reads an old build's results.
const KEY = Symbol.for("edih.buildId");

export function buildId(): string | undefined {
  const id = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof id === "string" ? id : undefined;
}

export function setBuildId(id: string): void {
  (globalThis as Record<symbol, unknown>)[KEY] = id;
}
