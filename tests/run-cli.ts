// Runs edih the way main.ts does — runCli from src/cli.ts, the source as it is now — but inside
// the test: the streams are strings, the folder and environment are the test's, nothing exits.
// spawnCli runs the built CLI (bin/edih.js → start-up bundle → dist/) in a subprocess: kept for one
// smoke test per command family and for what only a process has (exit on a closed pipe, signals).
import { spawnSync } from "./spawn.js";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { runCli as run } from "../src/cli.js";
import type { CommandIO } from "../src/workflow/io.js";

export const ROOT = join(import.meta.dirname, "..");

export interface CliRun { code: number; stdout: string; stderr: string }

export interface CliOptions {
  /** The folder relative paths are read from (default: the repository). */
  cwd?: string;
  /** Added to the test's environment; NO_COLOR is set unless given (a key set to undefined removes it). */
  env?: NodeJS.ProcessEnv;
  /** Text on standard input (never a terminal: questions without a flag are reported as missing). */
  stdin?: string;
}

function environment(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return merged;
}

/** `edih <args>` in-process: exit code and everything written to stdout and stderr. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const output = new Writable({ write(_chunk, _enc, done) { done(); } });
  const io: CommandIO = {
    stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: false },
    stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: false },
    cwd: options.cwd ?? ROOT,
    env: environment(options.env),
    terminal: { input: Readable.from([options.stdin ?? ""]), output },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** The built CLI in a subprocess, stdin closed, as a user's shell runs it. */
export function spawnCli(args: string[], options: Omit<CliOptions, "stdin"> & { nodeArgs?: string[] } = {}): CliRun {
  if (!existsSync(join(ROOT, "dist/src/main.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does) first");
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, "bin/edih.js"), ...args], {
    cwd: options.cwd ?? ROOT, encoding: "utf8", timeout: 600_000, stdio: ["ignore", "pipe", "pipe"], env: environment(options.env),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
