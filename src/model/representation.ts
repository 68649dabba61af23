import type { Multilingual } from "../schema/index.js";

/**
 * Whether a representative's position is the one the law names for the legal form (`кмет` /
 * `mayor`), in any language it is written in: only then is the basis of representation derived.
 */
export function isStatutoryPosition(position: Multilingual | null | undefined, statutory: readonly string[]): boolean {
  if (position === null || position === undefined) return false;
  const written = typeof position === "string" ? [position] : [position.bg, position.en].filter((x): x is string => x !== undefined);
  const norm = (s: string) => s.trim().toLocaleLowerCase();
  return written.some((w) => statutory.some((s) => norm(s) === norm(w)));
}
