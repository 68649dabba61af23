// npm test: the suite (vitest) and the type check of the tests (tsconfig.tests.json) at once.
// The type check is one thread for ~6 s; run before the suite it kept a core idle for that long.
// Started at the lowest priority, it takes the CPU the suite leaves while tests wait on LibreOffice,
// poppler or a timer, and never slows a test. Arguments go to vitest (`npm test -- tests/x.test.ts`).
// Exit: vitest's code when it failed, else the type check's.
import { spawn, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
/** A package's command, as its package.json names it (vitest exports no path to it). */
function bin(pkg: string, name: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const bins = (JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> }).bin;
  return join(dirname(manifest), bins[name]!);
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on("error", (e) => {
      process.stderr.write(`npm test: ${e.message}\n`);
      resolve(2);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const typecheck = spawn(process.execPath, [bin("typescript", "tsc"), "-p", "tsconfig.tests.json", "--pretty"],
  { stdio: ["ignore", "pipe", "pipe"] });
try {
  if (typecheck.pid) setPriority(typecheck.pid, 19);
} catch {
  // Lowering a priority can be refused (containers); the check then shares the CPU evenly.
}
const report: Buffer[] = [];
typecheck.stdout!.on("data", (b: Buffer) => report.push(b));
typecheck.stderr!.on("data", (b: Buffer) => report.push(b));
const checked = exited(typecheck);

const suite = spawn(process.execPath, [bin("vitest", "vitest"), "run", ...process.argv.slice(2)], { stdio: "inherit" });
const [tests, types] = await Promise.all([exited(suite), checked]);
if (types !== 0) {
  process.stderr.write(Buffer.concat(report));
  process.stderr.write("npm test: the tests do not type-check (tsc -p tsconfig.tests.json): see above\n");
}
process.exitCode = tests !== 0 ? tests : types;
