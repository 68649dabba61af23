import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";

/** Real path of `p`, or of its nearest existing ancestor joined with the rest: symlinks count. */
export function realish(p: string): string {
  let cur = resolve(p);
  const rest: string[] = [];
  while (!existsSync(cur)) {
    const parent = dirname(cur);
    if (parent === cur) break;
    rest.unshift(cur.slice(parent.length).replace(/^[/\\]/, ""));
    cur = parent;
  }
  return resolve(realpathSync(cur), ...rest);
}

/** True when `child` (after resolving symlinks) lies inside `root`. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(realish(root), realish(child));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
