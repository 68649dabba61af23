// Runs one command as a child process and measures it as a whole process: wall time, CPU time
// (user + system) and peak resident memory. The figures come from the kernel's own accounting of
// the finished child (wait4 rusage, through python3's os.wait4, microseconds); without python3,
// from GNU time (`/usr/bin/time`, 10 ms CPU resolution); otherwise wall time and VmHWM polling.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  /** Wall time. */
  ms: number;
  /** User + system CPU time of the process and the children it waited for; undefined when unknown. */
  cpuMs?: number;
  /** Peak resident set size in MB (the largest single process); undefined when unknown. */
  rssMb?: number;
  status: number | null;
  /** The end of the child's stderr, to say why it failed. */
  stderr?: string;
}

/** Forks, execs and reaps the command; prints the rusage of the finished child as JSON. */
const WAIT4 = `
import json, os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(out, "w") as f:
    json.dump({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_kb": ru.ru_maxrss, "status": os.waitstatus_to_exitcode(status)}, f)
`;

const PYTHON = "python3";
const GNU_TIME = "/usr/bin/time";
const HAS_PYTHON = spawnSync(PYTHON, ["-c", "import os; os.wait4; os.waitstatus_to_exitcode"], { stdio: "ignore" }).status === 0;
const HAS_GNU_TIME = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" }).status === 0;

/** How the figures were taken, for the results file. */
export const TIMER = HAS_PYTHON ? "wait4 rusage (python3 os.wait4)" : HAS_GNU_TIME ? "GNU time %e %U %S %M" : "wall clock, /proc VmHWM polling";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export async function runOnce(cmd: string, args: string[], opts: RunOptions = {}): Promise<Sample> {
  const env = { ...process.env, NO_COLOR: "1", ...opts.env };
  if (HAS_PYTHON || HAS_GNU_TIME) {
    const dir = mkdtempSync(join(tmpdir(), "edih-bench-time-"));
    const out = join(dir, "usage");
    try {
      const argv = HAS_PYTHON ? ["-c", WAIT4, out, cmd, ...args] : ["-f", "%e %U %S %M", "-o", out, cmd, ...args];
      const t0 = process.hrtime.bigint();
      const child = spawn(HAS_PYTHON ? PYTHON : GNU_TIME, argv, { cwd: opts.cwd, env, stdio: ["ignore", "ignore", "pipe"] });
      const err = tail(child);
      const status = await wait(child);
      const outerMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const text = readFileSync(out, "utf8").trim();
      if (HAS_PYTHON) {
        const u = JSON.parse(text) as { wall: number; cpu: number; rss_kb: number; status: number };
        return { ms: u.wall * 1000, cpuMs: u.cpu * 1000, rssMb: u.rss_kb / 1024, status: u.status, stderr: err() };
      }
      const [wall, user, sys, kb] = text.split("\n").pop()!.split(" ").map(Number);
      return { ms: Number.isFinite(wall) ? wall! * 1000 : outerMs, cpuMs: (user! + sys!) * 1000, status, stderr: err(),
        ...(Number.isFinite(kb) ? { rssMb: kb! / 1024 } : {}) };
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
