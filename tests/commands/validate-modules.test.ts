// `edih validate` must stay fast: no DOCX, PDF or font modules on its path. Handlebars is the one
// exception, and only for the narrative rules: which slots a document has is known only by running
// its template (slot ids built from data, boxes shown while a YAML field is empty).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../load/run-cli.js";

const WRITERS = /\/node_modules\/(docx|pdfmake|@myriaddreamin\/[^/]+|@cantoo\/[^/]+|@expo-google-fonts\/[^/]+|pdf-lib|fflate)\//;
const HEAVY = /\/node_modules\/(docx|@myriaddreamin\/[^/]+|@cantoo\/[^/]+|handlebars|@expo-google-fonts\/[^/]+|pdf-lib|fflate)\//;

function loadedModules(args: string[]): { status: number | null; urls: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), "edih-loads-")), "loads.txt");
  const r = runCli(args, { nodeArgs: ["--import", join(ROOT, "tests/commands/fixtures/record-loads.mjs")], env: { EDIH_LOAD_LOG: log } });
  return { status: r.status, urls: readFileSync(log, "utf8").trim().split("\n") };
}

describe("module loading", () => {
  it("`edih validate examples/zagore` runs the whole pipeline without loading docx/pdf", () => {
    const { status, urls } = loadedModules(["validate", "examples/zagore"]);
    expect(status).toBe(0);
    // The recorder works: the pipeline's own modules and its libraries show up...
    for (const needed of [/\/dist\/src\/validate\.js$/, /\/dist\/src\/check\.js$/, /\/node_modules\/yaml\//, /\/node_modules\/zod\//]) {
      expect(urls.some((u) => needed.test(u)), String(needed)).toBe(true);
    }
    // ...and the writers' do not; templates run only for the narrative rules, never a writer.
    expect(urls.filter((u) => WRITERS.test(u))).toEqual([]);
    expect(urls.some((u) => /\/dist\/src\/narrative\/inventory\.js$/.test(u))).toBe(true);
    expect(urls.filter((u) => /\/dist\/src\/writers\//.test(u))).toEqual([]);
  });

  it("`edih --help` loads neither the pipeline nor the heavy modules", () => {
    const { status, urls } = loadedModules(["--help"]);
    expect(status).toBe(0);
    expect(urls.some((u) => /\/node_modules\/commander\//.test(u))).toBe(true);
    expect(urls.filter((u) => HEAVY.test(u) || /\/dist\/src\/validate\.js$/.test(u))).toEqual([]);
  });
});
