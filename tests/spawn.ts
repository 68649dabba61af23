// spawnSync and execFileSync for the tests, started by a small helper process (spawn-server.mjs)
// instead of the test worker. A child process begins as a copy of its parent: once a worker has
// rendered documents in-process it holds hundreds of MB that every fork copies the page tables of
// and every exec throws away again — measured 12 ms of CPU per start against 1 ms from a fresh
// process, and the suite starts about 1,300 processes (pdftotext, qpdf, tmux, LibreOffice).
// Node has no cheaper way to start one, so the worker asks the small process to do it, over two
// FIFOs it reads and writes synchronously, as the functions it replaces do.
// Only what can cross a pipe is supported: stdio "pipe" or "ignore" (an fd or "inherit" needs
// node:child_process itself).
import { spawn, spawnSync as forkSpawnSync, type SpawnSyncReturns } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

type Stdio = "pipe" | "ignore";

export interface SyncOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  encoding?: BufferEncoding | "buffer";
  timeout?: number;
  maxBuffer?: number;
  killSignal?: NodeJS.Signals;
  stdio?: Stdio | [Stdio, Stdio, Stdio];
}

const SERVER = join(import.meta.dirname, "spawn-server.mjs");

interface Channel { requests: number; answers: number }
let channel: Channel | undefined;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function connect(): Channel {
  // In the run's folder (tests/global-setup.ts), which is removed after the last file.
  const dir = mkdtempSync(join(inject("runDir"), `spawn-${process.pid}-`));
  const requests = join(dir, "requests");
  const answers = join(dir, "answers");
  const made = forkSpawnSync("mkfifo", [requests, answers], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr || made.error?.message}`);
  spawn(process.execPath, [SERVER, requests, answers], { stdio: ["ignore", "ignore", "inherit"] }).unref();
  // Opened without blocking first, so a server that failed to start is an error here and not a hang:
  // the answer end can be opened before anyone writes to it, the request end only once the server reads it.
  const answersAnyway = openSync(answers, constants.O_RDONLY | constants.O_NONBLOCK);
  let requestsOnce: number | undefined;
  for (let waited = 0; requestsOnce === undefined; waited += 5) {
    try {
      requestsOnce = openSync(requests, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENXIO" || waited > 60_000) throw new Error(`the spawn server did not start (${(e as Error).message})`);
      pause(5);
    }
  }
  // Both ends are open on the other side now: blocking opens return at once, and blocking reads and
  // writes are what make the calls synchronous.
  const open = { requests: openSync(requests, "w"), answers: openSync(answers, "r") };
  closeSync(requestsOnce);
  closeSync(answersAnyway);
  return open;
}

function readExactly(fd: number, n: number): Buffer {
  const buf = Buffer.alloc(n);
  for (let at = 0; at < n;) {
    const got = readSync(fd, buf, at, n - at, null);
    if (got === 0) throw new Error("the spawn server ended");
    at += got;
  }
  return buf;
}

function writeAll(fd: number, buf: Buffer): void {
  for (let at = 0; at < buf.length;) at += writeSync(fd, buf, at, buf.length - at);
}

interface Answer {
  pid: number; status: number | null; signal: NodeJS.Signals | null;
  error?: { message: string; code?: string; errno?: number; syscall?: string; path?: string };
  stdout: string | null; stderr: string | null;
}

function ask(file: string, args: readonly string[], options: SyncOptions): Answer {
  const { input, encoding: _encoding, ...rest } = options;
  const request = Buffer.from(JSON.stringify({
    file, args,
    options: { ...rest, cwd: options.cwd ?? process.cwd(), env: options.env ?? process.env,
      ...(input === undefined ? {} : { input: Buffer.from(input).toString("base64") }) },
  }));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(request.length, 0);
  channel ??= connect();
  try {
    writeAll(channel.requests, Buffer.concat([size, request]));
    const head = readExactly(channel.answers, 4);
    return JSON.parse(readExactly(channel.answers, head.readUInt32BE(0)).toString("utf8")) as Answer;
  } catch (e) {
    // A server gone is started again by the next call; this one fails.
    closeSync(channel.requests);
    closeSync(channel.answers);
    channel = undefined;
    throw e;
  }
}

function rebuildError(e: NonNullable<Answer["error"]>): NodeJS.ErrnoException {
  return Object.assign(new Error(e.message), { code: e.code, errno: e.errno, syscall: e.syscall, path: e.path });
}

function decode(b64: string | null, encoding: SyncOptions["encoding"]): string | Buffer | null {
  if (b64 === null) return null;
  const buf = Buffer.from(b64, "base64");
  return encoding && encoding !== "buffer" ? buf.toString(encoding) : buf;
}

export function spawnSync(file: string, args: readonly string[], options: SyncOptions & { encoding: BufferEncoding }): SpawnSyncReturns<string>;
export function spawnSync(file: string, args?: readonly string[], options?: SyncOptions): SpawnSyncReturns<Buffer>;
export function spawnSync(file: string, args: readonly string[] = [], options: SyncOptions = {}): SpawnSyncReturns<string | Buffer> {
  const a = ask(file, args, options);
  const stdout = decode(a.stdout, options.encoding);
  const stderr = decode(a.stderr, options.encoding);
  return {
    pid: a.pid, status: a.status, signal: a.signal, output: [null, stdout, stderr], stdout: stdout!, stderr: stderr!,
    ...(a.error ? { error: rebuildError(a.error) } : {}),
  };
}

/** As node's: the output, or an error with status, stdout and stderr when the command failed. */
export function execFileSync(file: string, args: readonly string[], options: SyncOptions & { encoding: BufferEncoding }): string;
export function execFileSync(file: string, args?: readonly string[], options?: SyncOptions): Buffer;
export function execFileSync(file: string, args: readonly string[] = [], options: SyncOptions = {}): string | Buffer {
  const r = spawnSync(file, args, options);
  // Node's execFileSync shows the child's errors unless told what to do with stderr.
  if (options.stdio === undefined && r.stderr?.length) process.stderr.write(r.stderr);
  if (r.error) throw r.error;
  if (r.status !== 0) {
    const message = `Command failed: ${[file, ...args].join(" ")}\n${r.stderr?.toString() ?? ""}`;
    throw Object.assign(new Error(message), { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, output: r.output, pid: r.pid });
  }
  return r.stdout;
}
