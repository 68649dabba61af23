// The other end of tests/spawn.ts: a small process that starts the test worker's child processes.
// Plain JavaScript, run by node as it is. Reads requests from one FIFO and answers on the other,
// one at a time, until the worker closes its end.
import { spawnSync } from "node:child_process";
import { openSync, readSync, writeSync } from "node:fs";

const [requests, answers] = process.argv.slice(2);
// The order tests/spawn.ts expects: the request FIFO first, then the answer FIFO.
const input = openSync(requests, "r");
const output = openSync(answers, "w");

function read(n) {
  const buf = Buffer.alloc(n);
  for (let at = 0; at < n;) {
    const got = readSync(input, buf, at, n - at, null);
    if (got === 0) return undefined; // the worker closed its end: it is done or gone
    at += got;
  }
  return buf;
}

function write(buf) {
  for (let at = 0; at < buf.length;) at += writeSync(output, buf, at, buf.length - at);
}

const errorFields = (e) => e && { message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path };

for (;;) {
  const head = read(4);
  const body = head && read(head.readUInt32BE(0));
  if (!body) break;
  const { file, args, options } = JSON.parse(body.toString("utf8"));
  if (options.input !== undefined) options.input = Buffer.from(options.input, "base64");
  const r = spawnSync(file, args, { ...options, encoding: "buffer" });
  const answer = Buffer.from(JSON.stringify({
    pid: r.pid, status: r.status, signal: r.signal, error: errorFields(r.error),
    stdout: r.stdout ? r.stdout.toString("base64") : null, stderr: r.stderr ? r.stderr.toString("base64") : null,
  }));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(answer.length, 0);
  write(Buffer.concat([size, answer]));
}
