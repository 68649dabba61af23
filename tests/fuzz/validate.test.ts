// Property: whatever the example application is mutated into, validation never throws and every
// diagnostic carries a rule id, a severity and a location (file:line:column) a user can open.
// FUZZ_SEED=<n> replays another sequence; a failure prints its seed and shrunk counterexample.
import { rmSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { ParsedInputs } from "../../src/load/parsed-cache.js";
import { validateProject } from "../../src/validate/index.js";
import { apply, exampleFiles, mutation, scratchCopy, writeFile, type Mutation } from "./mutate.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
// 300 cases in the suite (every mutation kind, both files, many times over); FUZZ_RUNS=2000 for a deep run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEVERITIES = new Set(["error", "warning", "info"]);

const originals = exampleFiles();
const dir = scratchCopy("edih-fuzz-validate-");
/**
 * Files parsed once per content, as `apply build --watch` validates after each save: the mutated
 * file is parsed anew every case, the 15 files it leaves alone are not parsed 300 times over (and
 * a rule that changed a parsed file would show in the cases after it).
 */
const parsedInputs = new ParsedInputs();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Problems of the whole folder rather than of a line in a file; none is expected from user data. */
function unlocated(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => !(typeof d.file === "string" && d.file.length > 0 && Number.isInteger(d.line) && d.line! >= 1
    && Number.isInteger(d.column) && d.column! >= 1));
}

export async function validateMutated(m: Mutation) {
  const text = apply(m, originals[m.file]!);
  writeFile(dir, m.file, text);
  try {
    return await validateProject(dir, { parsedInputs });
  } finally {
    writeFile(dir, m.file, originals[m.file]!);
  }
}

describe("fuzz: validate on a mutated example", () => {
  it(`never throws; every diagnostic has ruleId, severity and file:line:column (${RUNS} cases, seed ${SEED})`, async () => {
    const stats = { cases: 0, invalid: 0, valid: 0 };
    await fc.assert(fc.asyncProperty(mutation(Object.keys(originals)), async (m) => {
      const result = await validateMutated(m);
      stats.cases++;
      if (result.diagnostics.some((d) => d.severity === "error")) stats.invalid++; else stats.valid++;
      expect(result.usage).toBeUndefined();
      for (const d of result.diagnostics) {
        expect(typeof d.ruleId === "string" && d.ruleId.length > 0, JSON.stringify(d)).toBe(true);
        expect(SEVERITIES.has(d.severity), JSON.stringify(d)).toBe(true);
        expect(typeof d.message === "string" && d.message.length > 0, JSON.stringify(d)).toBe(true);
        expect(d.message, "no JavaScript internals in messages").not.toMatch(/\[object Object\]|undefined is not|TypeError|at .*\.js:\d+/);
      }
      expect(unlocated(result.diagnostics)).toEqual([]);
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    console.log(`fuzz validate: ${JSON.stringify(stats)}`);
    // The mix matters: a fuzzer whose every case dies in the YAML parser proves little.
    expect(stats.invalid).toBeGreaterThan(RUNS / 4);
    expect(stats.valid).toBeGreaterThan(RUNS / 20);
  });
});
