import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The installed package's folder (holds examples/, data/). Found by walking up, because this
 * module runs both from src/ (tests) and from dist/src/ (the built CLI) at different depths.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "edih") {
      return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("edih's package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
