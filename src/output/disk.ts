/**
 * What is in out/ where each planned output goes, read with lstat and never followed: out/ is
 * untrusted (e-mailed, synced, checked into git), so a link or a folder where an output or its
 * language folder should be is reported, not written through.
 */
import { lstatSync, readdirSync, readFileSync, rmSync, type BigIntStats } from "node:fs";
import { join, relative, sep } from "node:path";
import { ATOMIC_TEMP, writeFileAtomic } from "../write-atomic.js";
import { sha256 } from "../domain/hash.js";
import { byCodeUnits } from "../domain/order.js";

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
    return lstatSync(p, { bigint: true });
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
  return { kind: "file", sha256: hashOf(full, info) };
}

/**
 * Hashes of output files by path, with the file's identity when hashed, for the watch loop: after
 * one edit, out/ holds ~150 files of which a handful changed. A hash is reused only when the
 * file's device, inode, size, mtime and ctime are all unchanged, and the hash was taken more than
 * FS_TICK after the ctime: a write within the same timestamp tick as the one hashed could
 * otherwise keep all of them equal (git's "racily clean" entries). A user cannot set ctime.
 */
const hashes = new Map<string, { stamp: string; sha256: string }>();
/** The coarsest timestamp tick expected of a file system (FAT's 2 s): a hash taken sooner after a write is not kept. */
export const FS_TICK_MS = 2000;
const FS_TICK_NS = BigInt(FS_TICK_MS) * 1_000_000n;
const KEEP_HASHES = 20_000;

function hashOf(full: string, info: BigIntStats): string {
  const stamp = `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  const known = hashes.get(full);
  if (known?.stamp === stamp) return known.sha256;
  const sha = sha256(readFileSync(full));
  const hashedAt = BigInt(Date.now()) * 1_000_000n;
  if (hashedAt - info.ctimeNs > FS_TICK_NS) {
    if (hashes.size >= KEEP_HASHES) hashes.clear();
    hashes.set(full, { stamp, sha256: sha });
  } else hashes.delete(full);
  return sha;
}

/**
 * The hashes above, kept between processes in the application's cache folder, as git keeps its
 * index: a cold rebuild with nothing changed read and hashed every output again (~10 MB, ~35 ms
 * of a ~380 ms run). Entries are those of one out/ folder, by path inside it, with the same stamp
 * and under the same racily-clean rule as in memory. The file is input like any other: one that
 * does not parse, is for another folder, or has entries of another shape is ignored, and an entry
 * is used only while the file's stamp is unchanged.
 */
const KEPT_VERSION = 1;
/** The text of each store as last read or written by this process: an unchanged store is not written again. */
const keptText = new Map<string, string>();

export function loadKeptHashes(store: string, outDir: string): void {
  if (keptText.has(store)) return;
  let text: string;
  try {
    text = readFileSync(store, "utf8");
  } catch {
    keptText.set(store, "");
    return;
  }
  keptText.set(store, text);
  let kept: unknown;
  try {
    kept = JSON.parse(text);
  } catch {
    return;
  }
  const { version, folder, hashes: entries } = (kept ?? {}) as { version?: unknown; folder?: unknown; hashes?: unknown };
  if (version !== KEPT_VERSION || folder !== outDir || !entries || typeof entries !== "object") return;
  for (const [rel, entry] of Object.entries(entries)) {
    const { stamp, sha256: sha } = (entry ?? {}) as { stamp?: unknown; sha256?: unknown };
    if (typeof stamp !== "string" || !/^\d+:\d+:\d+:\d+:\d+$/.test(stamp) || typeof sha !== "string" || !/^[0-9a-f]{64}$/.test(sha)) continue;
    if (rel.startsWith("/") || rel.split("/").some((part) => part === ".." || part === "")) continue;
    const full = join(outDir, rel);
    if (!hashes.has(full)) hashes.set(full, { stamp, sha256: sha });
  }
}

/** Writes the store when what this process knows of `outDir`'s files changed; a failed write is no loss. */
export function saveKeptHashes(store: string, outDir: string): void {
  const prefix = outDir + sep;
  const entries = [...hashes].filter(([full]) => full.startsWith(prefix))
    .map(([full, e]) => [relative(outDir, full).split(sep).join("/"), e] as const)
    .sort(([a], [b]) => byCodeUnits(a, b));
  const text = JSON.stringify({ version: KEPT_VERSION, folder: outDir, hashes: Object.fromEntries(entries) });
  if (keptText.get(store) === text) return;
  try {
    writeFileAtomic(store, text);
    keptText.set(store, text);
  } catch {
    // a read-only or full folder: the next run hashes again
  }
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
