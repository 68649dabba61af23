// Runs the BUILT CLI (`node bin/edih.js`), as a user would. Build first: `npx tsc -p .`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../..");

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): CliResult {
  if (!existsSync(join(ROOT, "dist/src/main.js"))) throw new Error("dist/ is missing: run `npx tsc -p .` before the end-to-end tests");
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, "bin/edih.js"), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
