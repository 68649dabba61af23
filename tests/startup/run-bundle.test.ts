// The runner trusts a bundle only when it was made next to the dist/ it sits in, and a code cache
// only when it names that bundle; anything else means starting from dist/ or compiling afresh.
import { spawnSync } from "../spawn.js";
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE, CODE_CACHE_FILE, DIST_MAIN_FILE, formatStamp, parseStamp } from "../../src/startup/bundle-format.js";
import { tempDir } from "../temp.js";

const RUNNER = join(import.meta.dirname, "../../src/startup/run-bundle.ts");
const ID = "0123456789abcdef0123456789abcdef";

/** A package folder holding dist/src/main.js and a bundle whose code reports what it was given. */
function fakeInstall(code: string, stampOf: (mtimeMs: number) => string = (m) => formatStamp({ distMainMtimeMs: m, id: ID })): string {
  const root = tempDir("runner");
  mkdirSync(join(root, dirname(DIST_MAIN_FILE)), { recursive: true });
  writeFileSync(join(root, DIST_MAIN_FILE), "");
  mkdirSync(join(root, dirname(BUNDLE_FILE)), { recursive: true });
  writeFileSync(join(root, BUNDLE_FILE), `${stampOf(statSync(join(root, DIST_MAIN_FILE)).mtimeMs)}\n${code}`);
  return root;
}

/**
 * The runner's source as one plain module, compiled once per file: each run below is a process of
 * its own (the runner starts a program), and compiling the TypeScript in each of them (a loader
 * such as tsx) cost ten times the run.
 */
let runner: string;
beforeAll(async () => {
  runner = join(tempDir("runner-module"), "run-bundle.mjs");
  await build({ entryPoints: [RUNNER], bundle: true, platform: "node", format: "esm", target: "node20", outfile: runner, logLevel: "silent" });
});

/** Runs the runner in a child (it starts a program) and returns what the bundle printed, or "dist". */
function run(root: string, opts: { write?: boolean; env?: Record<string, string> } = {}): { out: string; status: number | null; stderr: string } {
  const script = `import { runBundle } from ${JSON.stringify(runner)};
    if (!runBundle(${JSON.stringify(root)}, { writeCodeCache: ${opts.write === true} })) process.stdout.write("dist");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script],
    { encoding: "utf8", env: { ...process.env, ...opts.env }, cwd: join(import.meta.dirname, "../..") });
  return { out: r.stdout, status: r.status, stderr: r.stderr };
}

const REPORTER = `process.stdout.write(JSON.stringify({ url: __edihImportMetaUrl, file: __filename, builtin: typeof require("node:path").join }));
__edihImport("node:os").then((os) => process.stdout.write(" " + typeof os.cpus));`;

describe("start-up bundle runner", () => {
  it("runs a fresh bundle with import.meta.url, require and import() wired to the bundle's place", () => {
    const root = fakeInstall(REPORTER);
    const { out, stderr } = run(root);
    expect(stderr).toBe("");
    const [json, tail] = [out.slice(0, out.lastIndexOf("}") + 1), out.slice(out.lastIndexOf("}") + 1)];
    expect(JSON.parse(json)).toEqual({ url: `file://${join(root, BUNDLE_FILE)}`, file: join(root, BUNDLE_FILE), builtin: "function" });
    expect(tail).toBe(" function");
  });

  it("falls back to dist/ when the bundle is missing, stale, unstamped or turned off", () => {
    const root = fakeInstall(REPORTER);
    expect(run(root, { env: { EDIH_BUNDLE: "0" } }).out).toBe("dist");
    const stale = fakeInstall(REPORTER);
    utimesSync(join(stale, DIST_MAIN_FILE), new Date(), new Date(Date.now() + 5000)); // compiled again after bundling
    expect(run(stale).out).toBe("dist");
    expect(run(fakeInstall(REPORTER, () => "// some other first line")).out).toBe("dist");
    expect(run(tempDir("runner-empty")).out).toBe("dist");
  });

  it("writes a code cache only when asked, headed by the bundle's id, and runs the same with a foreign or broken cache", () => {
    const root = fakeInstall(`process.stdout.write("ran");`);
    expect(run(root).out).toBe("ran");
    expect(() => statSync(join(root, CODE_CACHE_FILE))).toThrow();
    expect(run(root, { write: true }).out).toBe("ran");
    const cache = readFileSync(join(root, CODE_CACHE_FILE));
    expect(cache.subarray(0, ID.length + 1).toString("latin1")).toBe(`${ID}\n`);
    expect(cache.length).toBeGreaterThan(ID.length + 1);
    expect(run(root).out).toBe("ran");
    writeFileSync(join(root, CODE_CACHE_FILE), Buffer.concat([Buffer.from(`${ID}\n`), Buffer.from("not a V8 cache at all")]));
    expect(run(root)).toMatchObject({ out: "ran", stderr: "" });
    writeFileSync(join(root, CODE_CACHE_FILE), Buffer.concat([Buffer.from(`${"f".repeat(32)}\n`), cache.subarray(ID.length + 1)]));
    expect(run(root)).toMatchObject({ out: "ran", stderr: "" });
  });

  it("reads back the stamp it writes, and nothing else", () => {
    expect(parseStamp(formatStamp({ distMainMtimeMs: 1733219000123.456, id: ID }))).toEqual({ distMainMtimeMs: 1733219000123.456, id: ID });
    expect(parseStamp("// edih-startup notanumber abc")).toBeUndefined();
    expect(parseStamp("#!/usr/bin/env node")).toBeUndefined();
  });
});
