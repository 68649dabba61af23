import { isAbsolute, relative, sep } from "node:path";

/** File names as the user would type them from `cwd`, with `/` on every platform. */
export function displayPath(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  return (rel === "" ? "." : rel).split(sep).join("/");
}
