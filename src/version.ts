import { readFileSync } from "node:fs";

let cached: string | undefined;

/** edih's own version: part of every output's input hash, so a new release rebuilds everything. */
export function toolVersion(): string {
  if (cached) return cached;
  // Both src/version.ts (tests) and dist/src/version.js (CLI) find package.json by walking up.
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "edih" && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next candidate
    }
  }
  return (cached = "0.0.0");
}
