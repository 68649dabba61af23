import { isAbsolute, relative, sep } from "node:path";

/**
 * File names as the user would type them from `cwd`, with `/` on every platform. A file outside
 * `cwd` keeps its absolute path: `../../tmp/x/edih.yaml` is harder to read and to click.
 */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join("/");
  const rel = relative(cwd, file);
  if (rel === "") return ".";
  if (rel.startsWith("..") || isAbsolute(rel)) return file.split(sep).join("/");
  return rel.split(sep).join("/");
}
