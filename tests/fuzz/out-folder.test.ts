// Fuzz mode that mutates out/ instead of the data: a received output folder can hold any
// manifest, links, folders in place of files, deletions, a stray lock or pending file. Property:
// build and status never fail as a bug (only a StateError/UsageError, i.e. exit 1 or 2), and
// nothing outside the application folder is written or deleted.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StateError, UsageError } from "../../src/errors.js";
import { buildPackage, type BuildOptions } from "../../src/package/build.js";
import { sha256 } from "../../src/domain/hash.js";
import { applicationStatus } from "../../src/package/status.js";
import { EXAMPLE } from "./mutate.js";
import { tempDir } from "../temp.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
// Each case mutates out/ up to three times and builds; FUZZ_OUT_RUNS=100 for a deep run.
const RUNS = Number(process.env.FUZZ_OUT_RUNS ?? 15);
const SMALL: BuildOptions = { only: ["budget-table"], langs: ["en"], formats: ["docx", "pdf"] };
const OUTPUTS = ["en/budget-table.docx", "en/budget-table.pdf", "package-en.pdf", "manifest.json", "en"];

const root = tempDir("fuzz-out");
const app = join(root, "app");
const out = join(app, "out");
const pristine = join(root, "pristine-out");
const victim = join(root, "victim");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every entry under `dir` (links not followed) with the hash of each file: a snapshot to compare. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
    const p = join(e.parentPath, e.name);
    return `${p.slice(dir.length)}${e.isFile() ? `:${sha256(readFileSync(p))}` : e.isSymbolicLink() ? "@" : "/"}`;
  }).sort();
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("manifest-json" as const), value: fc.json() }),
  fc.record({ kind: fc.constant("manifest-truncate" as const), cut: fc.nat() }),
  fc.record({ kind: fc.constant("manifest-path" as const), path: fc.constantFrom("../../victim/known.txt", "../victim/known.txt", "/etc/hostname", "en/../../../victim/known.txt", "en\\..\\..\\x.pdf") }),
  fc.record({ kind: fc.constant("link-out" as const), at: fc.constantFrom(...OUTPUTS) }),
  fc.record({ kind: fc.constant("link-dangling" as const), at: fc.constantFrom(...OUTPUTS) }),
  fc.record({ kind: fc.constant("link-loop" as const), at: fc.constantFrom(...OUTPUTS) }),
  fc.record({ kind: fc.constant("folder" as const), at: fc.constantFrom(...OUTPUTS) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.constantFrom(...OUTPUTS) }),
  fc.record({ kind: fc.constant("pending" as const), value: fc.json() }),
  fc.record({ kind: fc.constant("temp-link" as const) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(m: Mutation): void {
  const at = "at" in m && typeof m.at === "string" ? join(out, m.at) : "";
  // The test itself must not write through a link an earlier mutation made (out/en → victim).
  if (at && dirname(at) !== out && lstatSync(dirname(at), { throwIfNoEntry: false })?.isDirectory() !== true) return;
  if (m.kind === "temp-link" && existsSync(join(out, "linked-dir"))) return;
  const clear = () => rmSync(at, { recursive: true, force: true });
  switch (m.kind) {
    case "manifest-json": if (lstatSync(join(out, "manifest.json"), { throwIfNoEntry: false })?.isSymbolicLink()) return; writeFileSync(join(out, "manifest.json"), m.value); break;
    case "manifest-truncate": {
      if (lstatSync(join(out, "manifest.json"), { throwIfNoEntry: false })?.isFile() !== true) return;
      const text = readFileSync(join(out, "manifest.json"), "utf8");
      writeFileSync(join(out, "manifest.json"), text.slice(0, m.cut % text.length));
      break;
    }
    case "manifest-path": {
      if (lstatSync(join(out, "manifest.json"), { throwIfNoEntry: false })?.isFile() !== true) return;
      let manifest;
      try { manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")); } catch { return; }
      if (!Array.isArray(manifest?.outputs) || !manifest.outputs[0]) return;
      manifest.outputs.push({ ...manifest.outputs[0], path: m.path, sha256: sha256(readFileSync(join(victim, "known.txt"))) });
      writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest));
      break;
    }
    case "link-out": clear(); mkdirSync(dirname(at), { recursive: true }); symlinkSync(m.at === "en" ? victim : join(victim, "known.txt"), at); break;
    case "link-dangling": clear(); mkdirSync(dirname(at), { recursive: true }); symlinkSync(join(victim, "nothing-here"), at); break;
    case "link-loop": clear(); mkdirSync(dirname(at), { recursive: true }); symlinkSync(at, at); break;
    case "folder": clear(); mkdirSync(at, { recursive: true }); break;
    case "delete": clear(); break;
    case "pending": writeFileSync(join(out, ".edih-pending.json"), m.value); break;
    case "temp-link": symlinkSync(victim, join(out, "linked-dir")); break;
  }
}

beforeAll(async () => {
  cpSync(EXAMPLE, app, { recursive: true, filter: (src) => !src.includes("/out") });
  mkdirSync(victim, { recursive: true });
  writeFileSync(join(victim, "known.txt"), "precious");
  writeFileSync(join(victim, ".known.txt.123.tmp"), "looks like a temp file, is not edih's");
  await buildPackage(app, SMALL);
  cpSync(out, pristine, { recursive: true });
});

describe("fuzz: out/ mutated (manifest shapes, links, folders in place of files, deletions)", () => {
  it(`build and status never fail as a bug and never touch anything outside (${RUNS} cases, seed ${SEED})`, async () => {
    const outside = snapshot(victim);
    const siblings = readdirSync(root).sort();
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, force) => {
      rmSync(out, { recursive: true, force: true });
      cpSync(pristine, out, { recursive: true });
      for (const m of mutations) apply(m);
      const expectedFailure = (err: unknown) => {
        if (!(err instanceof StateError || err instanceof UsageError)) throw err;
      };
      await applicationStatus(app).catch(expectedFailure);
      await buildPackage(app, { dryRun: true }).catch(expectedFailure);
      await buildPackage(app, { ...SMALL, force }).catch(expectedFailure);
      expect(snapshot(victim)).toEqual(outside);
      expect(readdirSync(root).sort()).toEqual(siblings);
      expect(existsSync(join(out, ".edih-lock"))).toBe(false);
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  });
});
