// Runs one command as a child process and measures its wall time and peak resident memory.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, kilobytes) when installed; otherwise the
// child's VmHWM is polled from /proc (Linux), otherwise it is left unknown.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  ms: number;
  /** Peak resident set size in MB; undefined when it could not be measured. */
  rssMb?: number;
  status: number | null;
  /** The end of the child's stderr, to say why it failed. */
  stderr?: string;
}

const GNU_TIME = "/usr/bin/time";
export const HAS_GNU_TIME = existsSync(GNU_TIME)
  && spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" }).status === 0;

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export async function runOnce(cmd: string, args: string[], opts: RunOptions = {}): Promise<Sample> {
  const env = { ...process.env, NO_COLOR: "1", ...opts.env };
  if (HAS_GNU_TIME) {
    const dir = mkdtempSync(join(tmpdir(), "edih-bench-time-"));
    const out = join(dir, "rss");
    try {
      const t0 = process.hrtime.bigint();
      const child = spawn(GNU_TIME, ["-f", "%M", "-o", out, cmd, ...args], { cwd: opts.cwd, env, stdio: ["ignore", "ignore", "pipe"] });
      const err = tail(child);
      const status = await wait(child);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const kb = Number(readFileSync(out, "utf8").trim().split("\n").pop());
      return { ms, status, stderr: err(), ...(Number.isFinite(kb) ? { rssMb: kb / 1024 } : {}) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd: opts.cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  const err = tail(child);
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch { /* gone already, or not Linux */ }
  }, 10);
  const status = await wait(child);
  clearInterval(poll);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status, stderr: err(), ...(peakKb > 0 ? { rssMb: peakKb / 1024 } : {}) };
}

/** Keeps the last few kilobytes of stderr (a build prints little with -q). */
function tail(child: ReturnType<typeof spawn>): () => string {
  let text = "";
  child.stderr?.on("data", (d: Buffer) => { text = (text + d.toString("utf8")).slice(-4000); });
  return () => text;
}

function wait(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
