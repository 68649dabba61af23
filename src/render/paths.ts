import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let bundled: string | undefined;

/**
 * The bundled templates folder: the nearest `templates/` above this module, which works from both
 * src/render (tests) and dist/src/render (the installed CLI). Light on purpose (no template
 * engine), for `apply status` and the build's input hashes.
 */
export function bundledTemplatesDir(): string {
  if (bundled) return bundled;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "templates", "_labels"))) return (bundled = join(dir, "templates"));
    dir = dirname(dir);
  }
  return (bundled = join(process.cwd(), "templates"));
}
