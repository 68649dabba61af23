/**
 * The errors edih expects (wrong usage, a state of the folder or machine) are told apart from bugs
 * by a brand, not by prototype: the start-up bundle and the dist/ modules it loads for rendering
 * and `narrative pull` each hold a copy of these classes, so `instanceof` must see through copies.
 */
const KIND = Symbol.for("edih.error-kind");

function isKind(cls: object, own: object, kind: string, value: unknown): boolean {
  // A subclass (LockedError) is checked the ordinary way.
  if (cls !== own) return Function.prototype[Symbol.hasInstance].call(cls, value);
  return value instanceof Error && (value as { [KIND]?: string })[KIND] === kind;
}

/** Wrong usage of the CLI (unknown flag, missing folder, bad option value): exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  readonly [KIND] = "usage";
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = "UsageError";
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(this, UsageError, "usage", value);
  }
}

/**
 * A state of the folder or the machine that stops the command but is not a bug: another build
 * holds the lock, stdout is closed. Exit code 1, one line and a hint.
 */
export class StateError extends Error {
  readonly exitCode = 1;
  readonly [KIND] = "state";
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = "StateError";
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(this, StateError, "state", value);
  }
}

/** cancelled: Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3, cancelled: 130 } as const;

const CAUSES: Record<string, string> = {
  EACCES: "permission denied", EPERM: "operation not permitted", EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device", EDQUOT: "disk quota exceeded", EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder", EEXIST: "it already exists", ENOENT: "no such file or folder",
  EMFILE: "too many open files", ELOOP: "too many symbolic links (a link loop?)", EBUSY: "the file is busy (open in another program?)",
  ENAMETOOLONG: "the name is too long", EIO: "input/output error", EPIPE: "the output was closed",
};

/**
 * The machine refused a read or write (permissions, a full disk, a read-only folder): the user's
 * environment, not a bug in edih. Returns one line naming the path and the cause, or undefined
 * for any other error.
 */
export function environmentMessage(err: unknown): { message: string; hint: string } | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e !== "object" || typeof e.code !== "string" || !(e.code in CAUSES)) return undefined;
  const what = e.syscall ? ` (${e.syscall})` : "";
  const path = e.path ?? (e as { dest?: string }).dest;
  const hint = e.code === "ENOSPC" || e.code === "EDQUOT" ? "free some space and run the command again; files already written are complete"
    : e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS" ? "check the folder's permissions, or write elsewhere with --out"
    : "check the path and run the command again";
  return { message: `${path ? `cannot use ${path}` : "a file operation failed"}: ${CAUSES[e.code]}${what}`, hint };
}
