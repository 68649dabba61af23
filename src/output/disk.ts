/**
 * What is in out/ where each planned output goes, read with lstat and never followed: out/ is
 * untrusted (e-mailed, synced, checked into git), so a link or a folder where an output or its
 * language folder should be is reported, not written through.
 */
import { lstatSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ATOMIC_TEMP } from "../write-atomic.js";
import { sha256 } from "../domain/hash.js";

export type DiskEntry =
  | { kind: "missing" }
  | { kind: "file"; sha256: string }
  /** Something edih must not write to or through: a link, a folder, a device, or a parent that is not a plain folder. */
  | { kind: "unsafe"; why: string };

export type DiskState = ReadonlyMap<string, DiskEntry>;

/** lstat (and hash) each path relative to `outDir`; `paths` are already checked to be plain relative paths. */
export function readDiskState(outDir: string, paths: Iterable<string>): Map<string, DiskEntry> {
  const state = new Map<string, DiskEntry>();
  const folders = new Map<string, DiskEntry | undefined>();
  for (const path of paths) {
    if (state.has(path)) continue;
    const segments = path.split("/");
    let parentProblem: DiskEntry | undefined;
    for (let i = 1; i < segments.length && !parentProblem; i++) {
      const rel = segments.slice(0, i).join("/");
      if (!folders.has(rel)) folders.set(rel, folderProblem(outDir, rel));
      parentProblem = folders.get(rel);
    }
    state.set(path, parentProblem ?? entryAt(outDir, path));
  }
  return state;
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw err;
  }
}

function folderProblem(outDir: string, rel: string): DiskEntry | undefined {
  const info = lstatOrUndefined(join(outDir, rel));
  if (!info) return undefined; // created by the build
  if (info.isSymbolicLink()) return { kind: "unsafe", why: `${rel}/ is a symbolic link (edih never writes through links in the output folder)` };
  if (!info.isDirectory()) return { kind: "unsafe", why: `${rel} is a file where edih's folder ${rel}/ should be` };
  return undefined;
}

function entryAt(outDir: string, path: string): DiskEntry {
  const full = join(outDir, path);
  const info = lstatOrUndefined(full);
  if (!info) return { kind: "missing" };
  if (info.isSymbolicLink()) return { kind: "unsafe", why: "it is a symbolic link (edih never writes through links in the output folder)" };
  if (info.isDirectory()) return { kind: "unsafe", why: "it is a folder where edih's file should be" };
  if (!info.isFile()) return { kind: "unsafe", why: "it is not a regular file" };
  return { kind: "file", sha256: sha256(readFileSync(full)) };
}

/**
 * Temp files of a build that was killed: never the user's files (they start with "." and end in
 * .<pid>.tmp). Walks real folders only: a linked folder in out/ is not entered.
 */
export function removeStaleTemps(outDir: string): void {
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile() && ATOMIC_TEMP.test(e.name)) rmSync(join(d, e.name), { force: true });
    }
  };
  walk(outDir);
}
