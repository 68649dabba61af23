import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { buildId } from "./build-id.js";

/**
 * The application's own cache folder, `.edih/cache/`, or undefined when the application has no
 * `.edih/` (`edih init` makes it): edih then keeps nothing between runs. What is kept there is
 * checked before use and only ever saves work.
 */
export function appCacheDir(appDir: string): string | undefined {
  return existsSync(join(appDir, ".edih")) ? join(appDir, ".edih", "cache") : undefined;
}

/**
 * `.edih/cache/<kind>-<build>/`, for what edih's own code computed (parsed YAML, parsed
 * Markdown): a new build of edih never reads an older one's. Undefined without a cache folder or
 * a build id (runs from dist/ or from sources).
 */
export function buildCacheDir(appDir: string, kind: string): string | undefined {
  const cache = appCacheDir(appDir);
  const id = buildId();
  return cache && id ? join(cache, `${kind}-${id}`) : undefined;
}

/**
 * Drops the folders of other builds of the same kind (with `otherBuilds`) and, in `folder`, the
 * oldest entries beyond `keep`. Failures are left to the next run.
 */
export function pruneBuildCache(folder: string, keep: number, otherBuilds: boolean): void {
  const parent = dirname(folder);
  const kind = `${basename(folder).slice(0, basename(folder).indexOf("-"))}-`;
  if (otherBuilds && existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      if (name.startsWith(kind) && join(parent, name) !== folder) rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  if (!existsSync(folder)) return;
  const names = readdirSync(folder).filter((n) => n.endsWith(".json"));
  if (names.length <= keep) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(folder, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - keep)) rmSync(join(folder, n), { force: true });
}
