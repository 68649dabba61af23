// `edih validate` must stay fast: no DOCX, PDF, font or template modules on its path — whether
// edih starts from the start-up bundle (the default after `npm run build`) or from dist/.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runBuiltCli as runCli } from "../load/run-cli.js";
import { BUNDLE_INPUTS_FILE } from "../../src/startup/bundle-format.js";
import { bundleIsCurrent } from "../../src/startup/run-bundle.js";
import { tempDir } from "../temp.js";

const HEAVY = /\/node_modules\/(docx|@cantoo\/[^/]+|handlebars|@expo-google-fonts\/[^/]+|@myriaddreamin\/[^/]+|pdf-lib|fflate)\//;
/** The same packages as they appear in the bundle's list of inputs (relative paths). */
const HEAVY_INPUT = /^node_modules\/(docx|@cantoo\/|handlebars|@expo-google-fonts\/|@myriaddreamin\/|pdf-lib|fflate)/;

function loadedModules(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; urls: string[] } {
  const log = join(tempDir("loads"), "loads.txt");
  const r = runCli(args, { nodeArgs: ["--import", join(ROOT, "tests/commands/fixtures/record-loads.mjs")], env: { EDIH_LOAD_LOG: log, ...env } });
  return { status: r.status, urls: readFileSync(log, "utf8").trim().split("\n") };
}

describe("module loading from dist/ (EDIH_BUNDLE=0)", () => {
  const dist = { EDIH_BUNDLE: "0" };
  it("`edih validate examples/zagore` runs the whole pipeline without loading docx/pdf/handlebars", () => {
    const { status, urls } = loadedModules(["validate", "examples/zagore"], dist);
    expect(status).toBe(0);
    // The recorder works: the pipeline's own modules and its libraries show up...
    for (const needed of [/\/dist\/src\/validate\/index\.js$/, /\/dist\/src\/calls\/check\.js$/, /\/node_modules\/yaml\//, /\/node_modules\/zod\//]) {
      expect(urls.some((u) => needed.test(u)), String(needed)).toBe(true);
    }
    // ...and the heavy ones do not.
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it("`edih --help` loads neither the pipeline nor the heavy modules", () => {
    const { status, urls } = loadedModules(["--help"], dist);
    expect(status).toBe(0);
    expect(urls.some((u) => /\/node_modules\/commander\//.test(u))).toBe(true);
    expect(urls.filter((u) => HEAVY.test(u) || /\/dist\/src\/validate\/index\.js$/.test(u))).toEqual([]);
  });
});

// `npm test` builds the bundle first; after a bare `tsc` it is stale and edih runs from dist/.
describe.runIf(bundleIsCurrent(ROOT))("module loading from the start-up bundle", () => {
  const inputs = () => (JSON.parse(readFileSync(join(ROOT, BUNDLE_INPUTS_FILE), "utf8")) as { inputs: string[]; lazy: string[] });

  it("the bundle holds the validate pipeline and its libraries, and no render library", () => {
    const { inputs: files, lazy } = inputs();
    for (const needed of ["src/validate/index.ts", "src/calls/check.ts", "src/load/project.ts", "src/schema/diagnose.ts"]) expect(files).toContain(needed);
    for (const pkg of [/^node_modules\/yaml\//, /^node_modules\/zod\//, /^node_modules\/commander\//]) expect(files.some((f) => pkg.test(f)), String(pkg)).toBe(true);
    expect(files.filter((f) => HEAVY_INPUT.test(f) || /^src\/(writers|render\/(?!paths))/.test(f))).toEqual([]);
    // What renders is imported from dist/ when a build needs it.
    expect(lazy).toContain("../src/package/render-pool.js");
  });

  it("`edih validate examples/zagore` runs from the bundle and loads nothing heavy; same report as from dist/", () => {
    const { status, urls } = loadedModules(["validate", "examples/zagore"]);
    expect(status).toBe(0);
    // The recorder sees ESM loads: the runner, and none of dist's pipeline (the bundle has it).
    expect(urls.some((u) => /\/dist\/src\/startup\/run-bundle\.js$/.test(u))).toBe(true);
    expect(urls.filter((u) => /\/dist\/src\/(main|validate\/index|cli)\.js$/.test(u) || /\/node_modules\/(yaml|zod|commander)\//.test(u))).toEqual([]);
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
    // commander's child_process (for executable subcommands edih has none of) comes on first use.
    expect(urls).toContain("node:fs");
    expect(urls).not.toContain("node:child_process");
    const fromBundle = runCli(["validate", "examples/zagore", "--format", "json"]);
    const fromDist = runCli(["validate", "examples/zagore", "--format", "json"], { env: { EDIH_BUNDLE: "0" } });
    expect(fromBundle.stdout).toBe(fromDist.stdout);
  });

  it("`edih --help` and `--version` from the bundle load nothing heavy", () => {
    for (const args of [["--help"], ["--version"]]) {
      const { status, urls } = loadedModules(args);
      expect(status).toBe(0);
      expect(urls.filter((u) => HEAVY.test(u) || /\/dist\/src\//.test(u) && !/\/(startup\/|domain\/build-id\.js$)/.test(u))).toEqual([]);
    }
  });
});
