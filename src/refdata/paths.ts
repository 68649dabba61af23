import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The package's data/ folder. Walks up from this module because it runs both compiled
 * (dist/src/refdata) and as source under vitest (src/refdata), at different depths.
 */
export function dataDir(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data", "calls"))) return (cached = join(dir, "data"));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error("edih: cannot find the data/ folder of the installation");
}
