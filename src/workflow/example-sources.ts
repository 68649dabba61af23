// What an application folder holds as sources, as opposed to what a build left in it.
// Both `edih init --example` and the tests copy an example through here, so neither ever carries
// a user's earlier `apply build examples/zagore` (its out/ folder) along with the data.
import { cpSync } from "node:fs";
import { relative, sep } from "node:path";

/** Top-level entries of an application folder that are build results, never sources. */
const BUILD_RESULTS = new Set(["out"]);

/** True for a path (inside `root`) that is part of the application's sources. */
export function isSourcePath(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || !BUILD_RESULTS.has(rel.split(sep)[0]!);
}

/** Copies the sources of the application folder `from` to `to` (which must not hold them yet). */
export function copyApplicationSources(from: string, to: string, opts: { errorOnExist?: boolean } = {}): void {
  const errorOnExist = opts.errorOnExist ?? false;
  cpSync(from, to, { recursive: true, errorOnExist, force: !errorOnExist, filter: (src) => isSourcePath(from, src) });
}
