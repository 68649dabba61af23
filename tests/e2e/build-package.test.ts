// The whole package of the Zagore example through the built CLI: one full build shared by the
// checks on its files, a second one elsewhere for byte identity, then incremental rebuilds on the
// first copy (tests in this file run in order).
import { beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildJson, copyExample, docxTextsByLang, edih, founderNamesBg, outlineTitles, pdfPages, pdfText, qpdfCheck, sha256File, treeHashes, words,
  type BuildJson,
} from "./build-helpers.js";

const DOCS = ["council-decision-stara-zagora-municipality", "cooperation-agreement", "statute", "founding-protocol", "part-b", "budget-table"];

describe("edih apply build examples/zagore", () => {
  let dir: string;
  let out: string;
  let first: { code: number | null; report: BuildJson; stderr: string };
  let partners: string[];

  beforeAll(async () => {
    dir = copyExample("full");
    out = join(dir, "out");
    first = await buildJson(dir);
    partners = readdirSync(join(dir, "partners")).map((f) => f.replace(/\.yaml$/, "")).sort();
  });

  it("writes every document in both languages, the merged packages and the manifest", async () => {
    expect(first.code).toBe(0);
    expect(first.report.counts.error).toBe(0);
    expect(first.report.skipped).toEqual([]);
    for (const lang of ["bg", "en"]) {
      for (const doc of [...DOCS, ...partners.flatMap((p) => [`declaration-${p}`, `commitment-letter-${p}`])]) {
        for (const ext of ["docx", "pdf"]) expect(existsSync(join(out, lang, `${doc}.${ext}`)), `${lang}/${doc}.${ext}`).toBe(true);
      }
      expect(existsSync(join(out, `package-${lang}.pdf`))).toBe(true);
    }
    expect(partners).toHaveLength(15);
    // 6 shared documents + 2 per partner, in 2 languages and 2 formats, plus 2 packages.
    expect(first.report.written).toHaveLength((6 + 2 * 15) * 2 * 2 + 2);
  });

  it("records the tool, the call pack and the sha256 and size of every output in manifest.json", async () => {
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
    expect(m.tool).toEqual({ name: "edih", version: pkg.version });
    expect(m.call).toBe("BG-EDIH-PRESELECTION-2021");
    expect(Object.keys(m.inputs)).toContain("application/partners/trakia-university.yaml");
    expect(Object.keys(m.inputs)).toContain("templates/statute/bg.md.hbs");
    expect(m.outputs.map((o: { path: string }) => o.path).sort()).toEqual([...first.report.written].sort());
    for (const o of m.outputs as { path: string; sha256: string; size: number }[]) {
      const file = join(out, o.path);
      expect(o.size, o.path).toBe(statSync(file).size);
      expect(o.sha256, o.path).toBe(sha256File(file));
    }
  });

  it("every PDF passes qpdf --check", async () => {
    const pdfs = first.report.written.filter((p) => p.endsWith(".pdf"));
    expect(pdfs.length).toBe(74);
    for (const p of pdfs) {
      const r = qpdfCheck(join(out, p));
      expect(r.code, `${p}\n${r.out}`).toBe(0);
      expect(r.out).toContain("No syntax or stream encoding errors");
    }
  });

  it("the Bulgarian agreement and statute name all 15 co-founders in Cyrillic", async () => {
    const names = founderNamesBg(dir);
    expect(names).toHaveLength(15);
    expect(names.every((n) => /[А-Яа-я]/.test(n))).toBe(true);
    for (const doc of ["cooperation-agreement", "statute"]) {
      const text = words(pdfText(join(out, "bg", `${doc}.pdf`)));
      for (const name of names) expect(text, `${doc}: ${name}`).toContain(words(name));
    }
  });

  it("LibreOffice opens every DOCX and the agreement and statute name the same co-founders", async () => {
    const names = founderNamesBg(dir);
    const files = Object.fromEntries(["bg", "en"].map((lang) => [lang, readdirSync(join(out, lang)).filter((f) => f.endsWith(".docx")).map((f) => join(out, lang, f))]));
    // One LibreOffice start for both languages (it is slow to start); the two languages' files share base names, so each gets its own output folder.
    const converted = docxTextsByLang(files);
    for (const lang of ["bg", "en"]) {
      expect(files[lang]).toHaveLength(36);
      const texts = converted[lang]!;
      expect(Object.keys(texts)).toHaveLength(36);
      for (const [base, text] of Object.entries(texts)) expect(text.length, `${lang}/${base}.docx converted`).toBeGreaterThan(200);
      if (lang === "bg") {
        for (const doc of ["cooperation-agreement", "statute"]) {
          for (const name of names) expect(words(texts[doc]!), `${doc}: ${name}`).toContain(words(name));
        }
      }
    }
  });

  it("the merged package has one bookmark per document and as many pages as its parts", async () => {
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { outputs: { path: string; lang: string; title?: string; format: string; document: string }[] };
    for (const lang of ["bg", "en"]) {
      const parts = m.outputs.filter((o) => o.lang === lang && o.format === "pdf" && o.document !== "package");
      expect(parts).toHaveLength(36);
      const outline = outlineTitles(join(out, `package-${lang}.pdf`));
      expect(outline).toHaveLength(parts.length);
      const total = parts.reduce((n, p) => n + pdfPages(join(out, p.path)), 0);
      expect(pdfPages(join(out, `package-${lang}.pdf`))).toBe(total);
      // Bookmarks carry the documents' titles (per-partner copies with the partner's name, so
      // no two are alike) and point at increasing pages.
      const titles = outline.map((o) => o.title);
      expect(new Set(titles).size).toBe(titles.length);
      expect(titles.map((t) => t.split(" — ")[0]).sort()).toEqual(parts.map((p) => p.title!.split(" — ")[0]).sort());
      expect(titles.filter((t) => t.includes(" — ")).length).toBeGreaterThanOrEqual(30);
      expect(outline.map((o) => o.page)).toEqual([...outline.map((o) => o.page)].sort((a, b) => a - b));
      expect(outline[0]!.page).toBe(1);
    }
  });

  it("a second build of another copy is byte-identical, manifest included", async () => {
    const other = copyExample("again");
    // --no-reuse: every file laid out again, not taken from the first build's renders in this process.
    expect((await edih(["apply", "build", other, "--no-reuse", "-q"])).code).toBe(0);
    const a = treeHashes(out);
    const b = treeHashes(join(other, "out"));
    expect(Object.keys(a).length).toBe(147);
    expect(b).toEqual(a);
  });

  it("a rebuild with no change writes nothing and says it skipped", async () => {
    const before = statSync(join(out, "manifest.json")).mtimeMs;
    const r = await buildJson(dir);
    expect(r.code).toBe(0);
    expect(r.report.written).toEqual([]);
    expect(r.report.skipped).toHaveLength(146);
    expect(statSync(join(out, "manifest.json")).mtimeMs).toBe(before);
    const text = await edih(["apply", "build", dir]);
    expect(text.stdout).toMatch(/skipped 146 up-to-date files \(inputs unchanged\)/);
    expect(text.stdout).toMatch(/✔ 0 written, 146 up to date/);
  });

  it("editing one partner re-renders its own documents and the shared ones, not other partners'", async () => {
    appendFileSync(join(dir, "partners/holding-zagora.yaml"), "representative: { name: { bg: Иван Петров, en: Ivan Petrov }, position: { bg: Управител, en: Manager } }\n");
    const status = JSON.parse((await edih(["apply", "status", dir, "--format", "json"])).stdout) as { outputs: { path: string; status: string }[] };
    const stale = status.outputs.filter((o) => o.status === "stale").map((o) => o.path).sort();
    const r = await buildJson(dir);
    expect(r.code).toBe(0);
    const written = [...r.report.written].sort();
    // What status predicted is what the build did.
    expect(written).toEqual(stale);
    for (const lang of ["bg", "en"]) {
      for (const doc of ["declaration-holding-zagora", "commitment-letter-holding-zagora", "cooperation-agreement", "statute", "founding-protocol", "part-b"]) {
        expect(written).toContain(`${lang}/${doc}.pdf`);
        expect(written).toContain(`${lang}/${doc}.docx`);
      }
      expect(written).toContain(`package-${lang}.pdf`);
    }
    const others = written.filter((p) => /(declaration|commitment-letter)-/.test(p) && !p.includes("holding-zagora"));
    expect(others).toEqual([]);
    expect(r.report.skipped).toContain("bg/declaration-trakia-university.pdf");
    expect(r.report.skipped).toContain("en/budget-table.docx");
    expect(written.length + r.report.skipped.length).toBe(146);
    expect(words(pdfText(join(dir, "out/bg/declaration-holding-zagora.pdf")))).toContain("Иван Петров");
  });

  it("a hand-edited DOCX survives a rebuild after a data change; --force overwrites it; status follows", async () => {
    const file = join(out, "bg/statute.docx");
    appendFileSync(file, "hand edit");
    const edited = readFileSync(file);
    const st = async (path: string) => (JSON.parse((await edih(["apply", "status", dir, "--format", "json"])).stdout) as { outputs: { path: string; status: string }[] })
      .outputs.find((o) => o.path === path)!.status;
    expect(await st("bg/statute.docx")).toBe("edited");
    expect((await edih(["apply", "status", dir, "--verbose"])).stdout).toMatch(/edited by hand\s+\S*out\/bg\/statute\.docx/);
    expect((await edih(["apply", "status", dir])).stdout).toMatch(/^1 edited by hand: \S*out\/bg\/statute\.docx; 145 up to date$/m);

    const yaml = join(dir, "partners/holding-zagora.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("Иван Петров", "Петър Иванов"));
    const r = await edih(["apply", "build", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/out\/bg\/statute\.docx was changed by hand since the last build; not overwritten\s+edited-output/);
    expect(r.stdout).toMatch(/hint: keep the edit: move it away .* and build again; discard it: build with --force/);
    expect(r.stdout).toMatch(/kept \S*out\/bg\/statute\.docx \(edited by hand\)/);
    expect(readFileSync(file).equals(edited)).toBe(true);
    // The rest of the rebuild went ahead.
    expect(words(pdfText(join(out, "bg/statute.pdf")))).not.toContain("hand edit");
    expect(await st("bg/statute.docx")).toBe("edited");

    const f = await buildJson(dir, "--force");
    expect(f.code).toBe(0);
    expect(f.report.written).toEqual(["bg/statute.docx"]);
    expect(readFileSync(file).equals(edited)).toBe(false);
    expect(await st("bg/statute.docx")).toBe("up-to-date");
    const all = JSON.parse((await edih(["apply", "status", dir, "--format", "json"])).stdout) as { counts: Record<string, number> };
    expect(all.counts).toEqual({ "up-to-date": 146, stale: 0, edited: 0, missing: 0, refused: 0 });
  });

  it("a partner removed from the application takes its documents with it", async () => {
    rmSync(join(dir, "partners/holding-zagora.yaml"));
    // Its two references (a service it provides, its effort in WP4) go too, or the data is invalid.
    const app = join(dir, "edih.yaml");
    const before = readFileSync(app, "utf8");
    writeFileSync(app, before.replace(", holding-zagora]", "]").replace(", holding-zagora: 4 }", " }"));
    expect(readFileSync(app, "utf8")).not.toContain("holding-zagora");
    const r = await buildJson(dir);
    expect(r.code, JSON.stringify(r.report.diagnostics.filter((d) => d.severity === "error"))).toBe(0);
    expect(r.report.removed.sort()).toEqual(["bg", "en"].flatMap((l) => ["commitment-letter", "declaration"]
      .flatMap((d) => [`${l}/${d}-holding-zagora.docx`, `${l}/${d}-holding-zagora.pdf`])).sort());
    expect(existsSync(join(out, "bg/declaration-holding-zagora.pdf"))).toBe(false);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { outputs: { path: string }[] };
    expect(m.outputs.some((o) => o.path.includes("holding-zagora"))).toBe(false);
    expect(pdfText(join(out, "bg/statute.pdf"))).not.toContain("Холдинг Загора");
  });
});
