import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "./hash.js";
import type { Manifest } from "./manifest.js";

export type OutputState = "missing" | "unchanged" | "edited" | "unknown";

/**
 * How the file on disk relates to what edih last wrote there. "edited" means a person changed it
 * after the last build; "unknown" means edih has no record of writing it (no manifest entry).
 */
export function outputState(outDir: string, relPath: string, manifest: Manifest | undefined,
  pending: Record<string, string>): OutputState {
  const file = join(outDir, relPath);
  if (!existsSync(file)) return "missing";
  const recorded = manifest?.outputs.find((o) => o.path === relPath)?.sha256;
  if (recorded === undefined && pending[relPath] === undefined) return "unknown";
  const actual = sha256(readFileSync(file));
  return actual === recorded || actual === pending[relPath] ? "unchanged" : "edited";
}
