// `edih validate` must stay fast: no DOCX, PDF, font or template modules on its path.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../load/run-cli.js";

const HEAVY = /\/node_modules\/(docx|@myriaddreamin\/[^/]+|@cantoo\/[^/]+|handlebars|@expo-google-fonts\/[^/]+|pdf-lib|fflate)\//;

function loadedModules(args: string[]): { status: number | null; urls: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), "edih-loads-")), "loads.txt");
  const r = runCli(args, { nodeArgs: ["--import", join(ROOT, "tests/commands/fixtures/record-loads.mjs")], env: { EDIH_LOAD_LOG: log } });
  return { status: r.status, urls: readFileSync(log, "utf8").trim().split("\n") };
}

describe("module loading", () => {
  it("`edih validate examples/zagore` runs the whole pipeline without loading docx/pdf/handlebars", () => {
    const { status, urls } = loadedModules(["validate", "examples/zagore"]);
    expect(status).toBe(0);
    // The recorder works: the pipeline's own modules and its libraries show up...
    for (const needed of [/\/dist\/src\/validate\.js$/, /\/dist\/src\/check\.js$/, /\/node_modules\/yaml\//, /\/node_modules\/zod\//]) {
      expect(urls.some((u) => needed.test(u)), String(needed)).toBe(true);
    }
    // ...and the heavy ones do not.
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it("`edih --help` loads neither the pipeline nor the heavy modules", () => {
    const { status, urls } = loadedModules(["--help"]);
    expect(status).toBe(0);
    expect(urls.some((u) => /\/node_modules\/commander\//.test(u))).toBe(true);
    expect(urls.filter((u) => HEAVY.test(u) || /\/dist\/src\/validate\.js$/.test(u))).toEqual([]);
  });
});
