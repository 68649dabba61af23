// The order test files start in. Two workers take files from one queue, so the suite ends when the
// last file started ends: the long files must start first, or one of them starts last while the
// other worker has nothing left to do. Vitest orders by the durations it cached from the last run,
// which a fresh clone (or CI) does not have: it then keeps the files' alphabetical order.
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files, longest first (seconds on a quiet 2-core machine, measured with the JSON
 * reporter). A file missing here only starts later; a renamed one falls back to vitest's order.
 */
export const SLOW_FIRST = [
  "tests/e2e/build-package.test.ts", // 21 s: whole package twice, qpdf and LibreOffice over it
  "tests/e2e/build-options.test.ts", // 14 s: the whole package as a marked draft
  "tests/package/watch.test.ts", // 12 s
  "tests/templates/conventions.test.ts", // 10 s
  "tests/crash/kill-build.test.ts", // 9 s: SIGKILLed CLI builds
  "tests/fuzz/build.test.ts",
  "tests/narrative/pull.test.ts",
  "tests/narrative/cli.test.ts",
  "tests/package/render-pool.test.ts",
  "tests/package/out-folder.test.ts",
  "tests/fuzz/validate.test.ts",
  "tests/writers/closing.test.ts",
  "tests/e2e/session-build.test.ts",
  "tests/render/parse-cache.test.ts",
  "tests/e2e/cancel-build.test.ts",
  "tests/package/watch-settle.test.ts",
  "tests/startup/run-bundle.test.ts",
  "tests/e2e/any-eu-hub.test.ts",
  "tests/package/warm-pool.test.ts",
  "tests/commands/init-interactive.test.ts",
  "tests/writers/writers.test.ts",
  "tests/commands/validate-modules.test.ts",
  "tests/narrative/round-trip.test.ts",
];

export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(relative(f.project.config.root, f.moduleId).split("\\").join("/"));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // Vitest's order (cached durations when there are) for the rest, and among equals.
    const sorted = await super.sort(files);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
