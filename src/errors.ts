/** Wrong usage of the CLI (unknown flag, missing folder, bad option value): exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** cancelled: Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3, cancelled: 130 } as const;
