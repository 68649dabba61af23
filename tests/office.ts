// LibreOffice as the tests start it: headless, with a user profile of its own that each test worker
// keeps for the whole run. A profile made afresh costs every start ~0.2 s of CPU (measured), and a
// worker starts LibreOffice a dozen times. Starts in one worker never overlap (spawnSync blocks the
// worker's only thread), and each kind of font setup gets its own profile.
import type { SpawnSyncReturns } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { spawnSync } from "./spawn.js";

/** A folder of this worker process, kept until the run ends (tests/global-setup.ts removes it). */
export function workerDir(name: string): string {
  const dir = join(inject("runDir"), `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `soffice --headless …args`; throws with LibreOffice's own message when it fails. `profile` names
 * the profile (one per font setup: `env` may point FONTCONFIG_FILE elsewhere).
 */
export function soffice(args: string[], opts: { profile?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  const profile = join(workerDir("office"), opts.profile ?? "default");
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args],
    { encoding: "utf8", timeout: 600_000, ...(opts.env ? { env: opts.env } : {}) });
  if (r.status !== 0) throw new Error(`soffice ${args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r;
}
