import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Write through a temp file in the same folder and rename it into place: a reader (or a crash,
 * a kill, a full disk) sees the old file or the new one, never half of one. The temp name starts
 * with a dot and ends in `.<pid>.tmp`, so a stale one is recognisable and never mistaken for
 * the user's file.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Matches the temp names writeFileAtomic uses. */
export const ATOMIC_TEMP = /^\..+\.\d+\.tmp$/;
