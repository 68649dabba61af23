import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "./hash.js";
import type { Manifest } from "./manifest.js";

export type OutputState = "missing" | "unchanged" | "interrupted" | "edited" | "unknown";

/**
 * How the file on disk relates to what edih last wrote there. "unchanged": it is what the manifest
 * records. "interrupted": a build that was killed before writing its manifest put it there (its
 * hash is in the pending file) — edih's own file, but not what the manifest describes, so it must
 * be rebuilt, never skipped. "edited": a person changed it after the last build. "unknown": edih
 * has no record of writing it. `hashes`, when given, keeps the sha256 of each file read, so a
 * caller that needs it again (the merged package hashes its parts) does not read the file twice.
 */
export function outputState(outDir: string, relPath: string, manifest: Manifest | undefined,
  pending: Record<string, string>, hashes?: Map<string, string>): OutputState {
  const file = join(outDir, relPath);
  if (!existsSync(file)) return "missing";
  const recorded = manifest?.outputs.find((o) => o.path === relPath)?.sha256;
  if (recorded === undefined && pending[relPath] === undefined) return "unknown";
  const actual = sha256(readFileSync(file));
  hashes?.set(relPath, actual);
  if (actual === recorded) return "unchanged";
  return actual === pending[relPath] ? "interrupted" : "edited";
}
