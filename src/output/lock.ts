/**
 * One build at a time per output folder. Two builds over the same out/ (a full build and an --only
 * build from two terminals) each write their own manifest, and the last one forgets the other's
 * files, which then read as "edited by hand". So a build takes out/.edih-lock first.
 *
 * A second build FAILS at once (exit 1, naming the holder) rather than waiting: the first build
 * may run for minutes or be a `--watch` between saves, a waiting command looks hung in a terminal
 * and in CI, and re-running is the consultant's one keystroke. `--watch` takes the lock for each
 * rebuild only, so a build from another terminal gets its turn between saves.
 *
 * The lock records pid, start time and host name. It is broken only when it was taken on this
 * host and its pid is gone (a build killed with SIGKILL); a lock from another host (a synced or
 * shared folder) is never broken automatically, since we cannot see its processes.
 */
import { closeSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { StateError } from "../errors.js";

export const LOCK_FILE = ".edih-lock";

export interface LockOwner {
  pid: number;
  started: string;
  host: string;
}

export class LockedError extends StateError {
  constructor(readonly lockFile: string, readonly owner: LockOwner | undefined, hint: string) {
    super(owner
      ? `another edih build (pid ${owner.pid} on ${owner.host}, started ${owner.started}) holds ${lockFile}; this build wrote nothing`
      : `${lockFile} exists but cannot be read as an edih lock; nothing was written`, hint);
    this.name = "LockedError";
  }
}

export interface Lock {
  release(): void;
}

export interface LockEnv {
  pid: number;
  host: string;
  now: () => Date;
  /** True when a process with this pid exists on this host. */
  alive: (pid: number) => boolean;
}

export const realLockEnv = (): LockEnv => ({ pid: process.pid, host: hostname(), now: () => new Date(), alive: pidAlive });

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — alive.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock of `outDir` (which must exist) or throws LockedError. */
export function acquireLock(outDir: string, env: LockEnv = realLockEnv()): Lock {
  const file = join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: env.pid, started: env.now().toISOString(), host: env.host };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, me)) return { release: () => releaseIfOurs(file, me) };
    const owner = readOwner(file);
    if (owner === "gone") continue; // released between our two calls
    if (owner && owner.host === env.host && !env.alive(owner.pid)) {
      // Move it aside under a unique name first: of two builds breaking the same stale lock, only
      // one rename succeeds, so neither deletes the lock the other has just taken.
      const aside = `${file}.stale.${env.pid}`;
      try {
        renameSync(file, aside);
        rmSync(aside, { force: true });
      } catch { /* the other build broke it first */ }
      continue;
    }
    const shown = owner ?? undefined;
    throw new LockedError(file, shown, owner
      ? owner.host === env.host
        ? "wait for that build to finish (or stop it), then build again"
        : `the lock was taken on another computer (${owner.host}); if no build runs there, delete ${file}`
      : `if no edih build is running, delete ${file}`);
  }
  throw new LockedError(file, undefined, `if no edih build is running, delete ${file}`);
}

function tryCreate(file: string, me: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(me) + "\n");
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(file: string): LockOwner | undefined | "gone" {
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const v = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof v.pid === "number" && Number.isInteger(v.pid) && v.pid > 0 && typeof v.started === "string" && typeof v.host === "string") {
      return { pid: v.pid, started: v.started, host: v.host };
    }
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    // Created but not yet written by its owner, or damaged: treat as held, never break it.
    return undefined;
  }
}

function releaseIfOurs(file: string, me: LockOwner): void {
  const owner = readOwner(file);
  if (owner && owner !== "gone" && owner.pid === me.pid && owner.started === me.started && owner.host === me.host) rmSync(file, { force: true });
}
