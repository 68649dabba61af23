// Property: whatever hostile text a valid application carries (Cyrillic, Markdown and Handlebars
// syntax, NUL and control characters, very long values), `build` writes PDFs that pass
// `qpdf --check` and DOCX files that unzip to well-formed-looking XML.
import { execFileSync } from "../spawn.js";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { validateProject } from "../../src/validate/index.js";
import { allPaths, exampleFiles, hostileString, scratchCopy, writeFile, type Path } from "./mutate.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
// Each case renders one or two documents in both formats; FUZZ_BUILD_RUNS=50 for a deep run.
const RUNS = Number(process.env.FUZZ_BUILD_RUNS ?? 8);
/** Small documents that print partner names, titles and free text. */
const DOCUMENTS = ["budget-table", "statute", "cooperation-agreement", "part-b", "council-decision"];

const originals = exampleFiles();
const dir = scratchCopy("edih-fuzz-build-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Free-text strings (names, titles, descriptions): a hostile value there keeps the data valid. */
const TEXT_KEYS = new Set(["bg", "en", "short_name", "name", "position"]);
const stringPaths: Record<string, Path[]> = {};
for (const [file, text] of Object.entries(originals)) {
  const data = parse(text) as unknown;
  stringPaths[file] = allPaths(data).filter((p) => TEXT_KEYS.has(String(p[p.length - 1])) && typeof p.reduce<any>((o, k) => o?.[k], data) === "string");
}

const edit = fc.record({ file: fc.constantFrom(...Object.keys(originals)), pick: fc.nat(), value: hostileString });
const testCase = fc.record({
  edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
  only: fc.subarray(DOCUMENTS, { minLength: 1, maxLength: 2 }),
  lang: fc.constantFrom("bg", "en"),
});

function applyEdits(edits: { file: string; pick: number; value: string }[]): string[] {
  const changed = new Map<string, any>();
  for (const e of edits) {
    const paths = stringPaths[e.file]!;
    if (paths.length === 0) continue;
    const data = changed.get(e.file) ?? parse(originals[e.file]!);
    const path = paths[e.pick % paths.length]!;
    path.slice(0, -1).reduce<any>((o, k) => o[k], data)[path[path.length - 1]!] = e.value;
    changed.set(e.file, data);
  }
  for (const [file, data] of changed) writeFile(dir, file, stringify(data, { lineWidth: 0 }));
  return [...changed.keys()];
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 on except the surrogates and U+FFFE/F.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

describe("fuzz: build of valid applications carrying hostile text", () => {
  it(`PDFs pass qpdf --check, DOCX unzip with a clean word/document.xml (${RUNS} cases, seed ${SEED})`, async () => {
    let built = 0;
    await fc.assert(fc.asyncProperty(testCase, async ({ edits, only, lang }) => {
      const touched = applyEdits(edits);
      const out = join(dir, "out");
      try {
        const v = await validateProject(dir);
        if (v.diagnostics.some((d) => d.severity === "error")) return; // only what validates must build
        rmSync(out, { recursive: true, force: true });
        const report = await buildPackage(dir, { only, langs: [lang], formats: ["docx", "pdf"] });
        expect(report.stopped).toBe(false);
        expect(report.diagnostics.filter((d) => d.severity === "error"), "build errors on valid data").toEqual([]);
        const files = readdirSync(join(out, lang)).map((f) => join(out, lang, f));
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) {
          if (f.endsWith(".pdf")) execFileSync("qpdf", ["--check", f], { stdio: "pipe" });
          else if (f.endsWith(".docx")) {
            const zip = unzipSync(readFileSync(f));
            const xml = new TextDecoder().decode(zip["word/document.xml"]);
            expect(xml.length, `${f} has word/document.xml`).toBeGreaterThan(100);
            expect(XML_INVALID.exec(xml)?.[0].codePointAt(0), `${f}: character not allowed in XML`).toBeUndefined();
          }
        }
        built++;
      } finally {
        for (const file of touched) writeFile(dir, file, originals[file]!);
      }
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    expect(built, "enough cases validated to exercise the writers").toBeGreaterThanOrEqual(RUNS / 3);
  });
});
