// The watch loop's rebuild, in this process (templates, parsed Markdown and the Typst compiler
// stay warm between calls, as in `apply build --watch`): each edit rewrites exactly the outputs
// that depend on it, the PDFs are on disk before the DOCX, and what the warm loop wrote equals,
// byte for byte, a cold build of the same input by a fresh process.
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { rebuild, rebuildTimes } from "../../src/package/watch.js";
import { copyExample, edihProcess, ROOT } from "../e2e/build-helpers.js";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const SCOPE = { only: ["part-b", "declaration"] };
const CLI_SCOPE = ["--only", "part-b,declaration"];
const both = (base: string) => [`bg/${base}.docx`, `bg/${base}.pdf`, `en/${base}.docx`, `en/${base}.pdf`];

interface Edit {
  name: string;
  edit: (dir: string) => void;
  /** Exactly the outputs the rebuild must write. */
  written: string[];
}

// Applied in order, each on top of the ones before.
const EDITS: Edit[] = [
  { name: "nothing changed", edit: () => {}, written: [] },
  { name: "an English narrative file", edit: (dir) => appendFileSync(join(dir, "narrative/part-b/summary.en.md"), "\nOne more sentence.\n"),
    written: ["en/part-b.docx", "en/part-b.pdf"] },
  { name: "a Bulgarian narrative file", edit: (dir) => appendFileSync(join(dir, "narrative/part-b/needs-analysis.bg.md"), "\nОще едно изречение.\n"),
    written: ["bg/part-b.docx", "bg/part-b.pdf"] },
  { name: "a KPI target in edih.yaml (Part B only)", edit: (dir) => replaceIn(join(dir, "edih.yaml"), /^(\s+target:) 300$/m, "$1 301"),
    written: both("part-b") },
  { name: "one partner's short name", edit: (dir) => replaceIn(join(dir, "partners/m-s-hydraulic.yaml"), /^short_name: .*$/m, "short_name: M+S Hydraulic 2"),
    written: [...both("declaration-m-s-hydraulic"), ...both("part-b")] },
  { name: "the application's own template of the English declaration", edit: (dir) => {
    mkdirSync(join(dir, "templates/declaration"), { recursive: true });
    const bundled = readFileSync(join(ROOT, "templates/declaration/en.md.hbs"), "utf8");
    writeFileSync(join(dir, "templates/declaration/en.md.hbs"), `${bundled.trimEnd()}\n\nAn added closing sentence.\n`);
  }, written: partners().flatMap((p) => [`en/declaration-${p}.docx`, `en/declaration-${p}.pdf`]) },
  { name: "the edited narrative file put back", edit: (dir) => replaceIn(join(dir, "narrative/part-b/summary.en.md"), /\nOne more sentence\.\n$/, ""),
    written: ["en/part-b.docx", "en/part-b.pdf"] },
];

function replaceIn(file: string, pattern: RegExp, by: string): void {
  const text = readFileSync(file, "utf8");
  const next = text.replace(pattern, by);
  if (next === text) throw new Error(`${file}: ${pattern} not found`);
  writeFileSync(file, next);
}

function partners(): string[] {
  return readdirSync(join(ROOT, "examples/zagore/partners")).map((f) => f.replace(/\.yaml$/, "")).sort();
}

const outputs = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(docx|pdf)$/.test(f)).sort();

describe("the watch loop's rebuild", () => {
  it("rewrites exactly what each edit affects, and ends with the bytes of a cold build by a fresh process", async () => {
    const dir = copyExample("watch-loop");
    const first = await rebuild(dir, SCOPE);
    expect(first.report.stopped).toBe(false);
    expect(first.report.written).toHaveLength(2 * 2 * (1 + partners().length));
    for (const step of EDITS) {
      step.edit(dir);
      const r = await rebuild(dir, SCOPE);
      expect(r.report.diagnostics.filter((d) => d.severity === "error"), step.name).toEqual([]);
      expect([...r.report.written].sort(), step.name).toEqual([...step.written].sort());
      // The PDFs were written first, and the time is printed from the save to them.
      expect(r.pdfMs === undefined, step.name).toBe(!step.written.some((p) => p.endsWith(".pdf")));
      // An edit that also changed other documents names the Part B PDFs written first, then when all were.
      if (r.pdfMs !== undefined) expect(rebuildTimes(r)).toMatch(/^(PDFs|\d+ PDFs? \([^)]+\)) written \d+ ms after the save \(settle \d+, validate \d+, plan \d+, PDF \d+, write \d+\)(, all \d+ by \d+ ms)?; rebuilt in \d+ ms/);
    }
    // Rendered in the build thread (EDIH_WORKERS=1): bytes do not depend on the thread (render-pool
    // and warm-pool tests), and starting workers costs more CPU than they save here.
    const cold = edihProcess(["apply", "build", dir, "--out", join(dir, "cold"), ...CLI_SCOPE, "-q"], { env: { EDIH_WORKERS: "1" } });
    expect(cold.code, cold.stderr).toBe(0);
    const warm = outputs(join(dir, "out"));
    expect(outputs(join(dir, "cold"))).toEqual(warm);
    for (const f of warm) expect(sha(join(dir, "out", f)), f).toBe(sha(join(dir, "cold", f)));
  }, 900_000);

  it("writes the changed PDFs before it renders the DOCX", async () => {
    const dir = copyExample("watch-order");
    const scope = { only: ["part-b"], langs: ["en"] };
    await buildPackage(dir, scope);
    const out = join(dir, "out/en");
    const before = { pdf: sha(join(out, "part-b.pdf")), docx: sha(join(out, "part-b.docx")) };
    appendFileSync(join(dir, "narrative/part-b/summary.en.md"), "\nA sentence added in the editor.\n");
    let seen: { pdf: string; docx: string } | undefined;
    const report = await buildPackage(dir, { ...scope, onPdfsWritten: () => { seen = { pdf: sha(join(out, "part-b.pdf")), docx: sha(join(out, "part-b.docx")) }; } });
    expect(report.written).toEqual(["en/part-b.pdf", "en/part-b.docx"]);
    expect(seen).toBeDefined();
    expect(seen!.pdf).not.toBe(before.pdf);
    expect(seen!.pdf).toBe(sha(join(out, "part-b.pdf")));
    expect(seen!.docx).toBe(before.docx);
    expect(sha(join(out, "part-b.docx"))).not.toBe(before.docx);
    // The manifest records both, as a build without the hook would.
    const manifest = JSON.parse(readFileSync(join(dir, "out/manifest.json"), "utf8")) as { outputs: { path: string; sha256: string }[] };
    for (const f of ["part-b.pdf", "part-b.docx"]) expect(manifest.outputs.find((o) => o.path === `en/${f}`)?.sha256).toBe(sha(join(out, f)));
    // And the next build finds nothing to do.
    expect((await buildPackage(dir, scope)).written).toEqual([]);
  }, 300_000);
});

