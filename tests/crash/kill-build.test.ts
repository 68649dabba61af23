// A build killed with SIGKILL at any moment leaves out/ usable: every visible file is a complete
// previous or new version, manifest.json parses, temp files hide behind a dot and are cleaned by
// the next build, and that build does not mistake the survivors for hand edits.
import { spawn } from "node:child_process";
import { spawnSync } from "../spawn.js";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";
import { tempDir } from "../temp.js";

const ROOT = join(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples/zagore");
const SEED = Number(process.env.CRASH_SEED ?? 7);
const KILLS = Number(process.env.CRASH_KILLS ?? 6);
/**
 * One language and a few documents keep each build short; the write path is the same for all, and
 * the 15 per-partner declarations still give the rename window 33 files to move into place.
 */
const LANGS = ["en"];
const ONLY = ["statute", "declaration"];
const BUILD_ARGS = ["--lang", LANGS.join(","), "--only", ONLY.join(","), "-q"];
/**
 * Render workers off: a build renders everything in memory before it moves a file into place (the
 * build thread's commit, what a kill can break), so threads change only how long rendering takes,
 * and starting them costs more CPU than this build's rendering (render-pool and warm-pool
 * tests check what they render).
 */
const ENV = { ...process.env, EDIH_WORKERS: "1" };

const sandbox = tempDir("crash");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function copy(name: string): string {
  const dir = join(sandbox, name);
  copyApplicationSources(EXAMPLE, dir);
  return dir;
}

/** Every file under out/, relative, with its sha256. */
function snapshot(out: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(out, { recursive: true }).map(String)) {
    const abs = join(out, rel);
    try {
      files.set(rel, createHash("sha256").update(readFileSync(abs)).digest("hex"));
    } catch { /* a directory */ }
  }
  return files;
}

const ORIGINAL_NAME = "en: European Digital Innovation Hub Zagore\n";
const REVISED_NAME = "en: European Digital Innovation Hub Zagore (revised)\n";

/** A change that touches every document: the hub's English name, revised (B) or as shipped (A). */
function setVersion(dir: string, version: "A" | "B"): void {
  const file = join(dir, "edih.yaml");
  const text = readFileSync(file, "utf8");
  const next = version === "B" ? text.replace(ORIGINAL_NAME, REVISED_NAME) : text.replace(REVISED_NAME, ORIGINAL_NAME);
  if (!next.includes(version === "B" ? REVISED_NAME : ORIGINAL_NAME)) throw new Error("the example's hub name changed: update the crash test");
  writeFileSync(file, next);
}

const isHidden = (rel: string) => rel.split("/").some((part) => part.startsWith("."));

/** Deterministic delays from the seed (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts a CLI build and SIGKILLs it either after `delayMs`, or — to land in the short window where
 * files are moved into place — `afterCommitMs` after the pending-hashes file appears. Resolves to
 * how it ended and how long it ran.
 */
function killedBuild(dir: string, how: { delayMs: number } | { afterCommitMs: number }): Promise<{ end: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, "bin/edih.js"), "apply", "build", dir, ...BUILD_ARGS], { stdio: "ignore", env: ENV });
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    const kill = () => { clearInterval(poll); child.kill("SIGKILL"); };
    if ("delayMs" in how) timer = setTimeout(kill, how.delayMs);
    else {
      poll = setInterval(() => {
        if (existsSync(join(dir, "out", ".edih-pending.json"))) { clearInterval(poll); timer = setTimeout(kill, how.afterCommitMs); }
      }, 2);
    }
    child.on("exit", (code, signal) => { clearTimeout(timer); clearInterval(poll); resolve({ end: signal ?? `exit ${code}`, ms: Date.now() - started }); });
  });
}

function checkComplete(out: string, rel: string): void {
  const abs = join(out, rel);
  if (rel.endsWith(".pdf")) {
    const r = spawnSync("qpdf", ["--check", abs], { encoding: "utf8" });
    expect(r.status, `${rel}: qpdf --check\n${r.stdout}${r.stderr}`).toBe(0);
  } else if (rel.endsWith(".docx")) {
    const zip = unzipSync(readFileSync(abs));
    expect(zip["word/document.xml"], `${rel} has word/document.xml`).toBeDefined();
  } else if (rel === "manifest.json") {
    expect(() => JSON.parse(readFileSync(abs, "utf8")), "manifest.json parses").not.toThrow();
  }
}

describe("crash safety: SIGKILL during build", () => {
  it(`keeps out/ complete and recoverable (${KILLS} kills, seed ${SEED})`, async () => {
    // Package A, and the reference of the new package B built undisturbed elsewhere, in this
    // process: the bytes do not depend on the process, and the builds killed below are the CLI's.
    const app = copy("app");
    const first = await buildPackage(app, { langs: LANGS, only: ONLY });
    expect(first.stopped).toBe(false);
    expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = join(app, "out");
    const a = snapshot(out);
    const reference = copy("reference");
    setVersion(reference, "B");
    const ref = await buildPackage(reference, { langs: LANGS, only: ONLY });
    expect(ref.stopped).toBe(false);
    expect(ref.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const b = snapshot(join(reference, "out"));
    // Output is deterministic, so "the new complete version" of a file is the reference's bytes.
    expect([...b.keys()].filter((k) => !isHidden(k)).sort()).toEqual([...a.keys()].filter((k) => !isHidden(k)).sort());

    const rnd = random(SEED);
    const outcomes: string[] = [];
    /** How long a CLI build runs to its commit: the first kill's (it waits for the commit), for the timed kills after it. */
    let buildMs = 0;
    for (let i = 0; i < KILLS; i++) {
      // Alternate the data between B and A so every build has files to replace, whatever the
      // previous kill left; every visible file must then be A's or B's bytes.
      setVersion(app, i % 2 === 0 ? "B" : "A");
      const how = i % 3 === 2 ? { delayMs: Math.round(rnd() * buildMs * 0.9) } : { afterCommitMs: Math.round(rnd() * 15) };
      const killed = await killedBuild(app, how);
      if (i === 0) buildMs = killed.ms;
      outcomes.push(`${JSON.stringify(how)} → ${killed.end}`);

      const now = snapshot(out);
      for (const [rel, sha] of now) {
        if (isHidden(rel)) continue; // temp files and the pending record live behind a dot
        if (rel === "manifest.json") { checkComplete(out, rel); continue; }
        expect(a.has(rel) || b.has(rel), `${rel}: only package files are visible`).toBe(true);
        expect(sha === a.get(rel) || sha === b.get(rel), `${rel} is neither the old nor the new complete file (${outcomes.at(-1)})`).toBe(true);
        checkComplete(out, rel);
      }
      // Nothing the previous package had has gone missing.
      for (const rel of a.keys()) if (!isHidden(rel)) expect(now.has(rel), `${rel} still there`).toBe(true);
    }

    setVersion(app, "B");
    // A normal build afterwards: cleans the temps, claims no hand edits, ends at package B.
    const report = await buildPackage(app, { langs: LANGS, only: ONLY });
    expect(report.diagnostics.filter((d) => d.ruleId === "edited-output"), outcomes.join("\n")).toEqual([]);
    expect(report.kept).toEqual([]);
    const final = snapshot(out);
    expect([...final.keys()].filter((k) => k.endsWith(".tmp")), "stale temps removed").toEqual([]);
    for (const [rel, sha] of b) if (!isHidden(rel) && rel !== "manifest.json") expect(final.get(rel), rel).toBe(sha);
    checkComplete(out, "manifest.json");
    // The kills really interrupted builds (otherwise the test proved nothing).
    expect(outcomes.filter((o) => o.endsWith("SIGKILL")).length, outcomes.join("\n")).toBeGreaterThanOrEqual(KILLS / 2);
  });
});
