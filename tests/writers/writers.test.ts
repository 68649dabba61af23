import { execFileSync } from "../spawn.js";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lang, RenderedDocument } from "../../src/render/index.js";
import { writeDocx } from "../../src/writers/docx/index.js";
import { layoutPdf, writePdf } from "../../src/writers/pdf/index.js";
import { mergePdfs, pdfPageCount } from "../../src/writers/pdf/post.js";
import { darkPixels, docxText, firstOutOfOrder, pdfText, renderSample, save, treeWords } from "./helpers.js";
import { soffice } from "../office.js";
import { tempDir } from "../temp.js";

const dir = tempDir("writers");
const HOSTILE = "A | B *C* # {{x}} <b>";
const DRAFT = { bg: "ЧЕРНОВА — 3 грешки", en: "DRAFT — 3 errors" };
const out: Record<Lang, { doc: RenderedDocument; docx: Uint8Array; pdf: Uint8Array; docxPath: string; pdfPath: string }> = {} as never;

beforeAll(async () => {
  for (const lang of ["bg", "en"] as const) {
    const doc = renderSample(lang);
    const docx = await writeDocx(doc, { draftMark: DRAFT[lang] });
    const pdf = await writePdf(doc, { draftMark: DRAFT[lang] });
    out[lang] = { doc, docx, pdf, docxPath: save(dir, `sample-${lang}.docx`, docx), pdfPath: save(dir, `sample-${lang}.pdf`, pdf) };
  }
});

describe.each(["bg", "en"] as const)("sample document (%s)", (lang) => {
  it("DOCX and PDF carry the tree's words in the tree's order", () => {
    const words = treeWords(out[lang].doc);
    expect(words.length).toBeGreaterThan(100);
    expect(firstOutOfOrder(words, docxText(out[lang].docx))).toEqual({ index: -1 });
    expect(firstOutOfOrder(words, pdfText(out[lang].pdfPath))).toEqual({ index: -1 });
  });

  it("prints hostile names literally in both outputs", () => {
    expect(docxText(out[lang].docx)).toContain(HOSTILE);
    expect(pdfText(out[lang].pdfPath)).toContain(HOSTILE);
    expect(pdfText(out[lang].pdfPath)).not.toContain("constructor");
  });

  it("rebuilds byte-identically", async () => {
    const again = renderSample(lang);
    expect(Buffer.compare(Buffer.from(await writeDocx(again, { draftMark: DRAFT[lang] })), Buffer.from(out[lang].docx))).toBe(0);
    expect(Buffer.compare(Buffer.from(await writePdf(again, { draftMark: DRAFT[lang] })), Buffer.from(out[lang].pdf))).toBe(0);
  });

  it("PDF passes qpdf --check, has metadata, language, outline and the draft mark on every page", async () => {
    execFileSync("qpdf", ["--check", out[lang].pdfPath]);
    const info = execFileSync("pdfinfo", [out[lang].pdfPath], { encoding: "utf8" });
    expect(info).toMatch(new RegExp(`Title:\\s+${out[lang].doc.meta.title}`));
    // Typst names itself as the creator; there is no date to make rebuilds differ.
    expect(info).toMatch(/Creator:\s+Typst/);
    expect(info).not.toMatch(/CreationDate/);
    const raw = Buffer.from(out[lang].pdf).toString("latin1");
    expect(raw).toContain(`/Lang (${lang === "bg" ? "bg-BG" : "en-GB"})`);
    expect(raw).toContain("/Outlines");
    const pages = await pdfPageCount(out[lang].pdf);
    expect(pages).toBe(2);
    // The count the build records comes from the layout, not from parsing the file: both agree.
    const laidOut = await layoutPdf(out[lang].doc, { draftMark: DRAFT[lang] });
    expect(laidOut.pages).toBe(pages);
    expect(Buffer.compare(Buffer.from(laidOut.bytes), Buffer.from(out[lang].pdf))).toBe(0);
    const text = pdfText(out[lang].pdfPath).split("\f").filter((p) => p.trim());
    expect(text).toHaveLength(pages);
    for (const [i, page] of text.entries()) {
      expect(page).toContain(DRAFT[lang]);
      expect(page).toContain(lang === "bg" ? `Страница ${i + 1} от ${pages}` : `Page ${i + 1} of ${pages}`);
    }
  });

  it("PDF has a TOC with page numbers and repeats nothing it should not", () => {
    const text = pdfText(out[lang].pdfPath);
    const sig = lang === "bg" ? "Подписи" : "Signatures";
    // Dot leaders (and Typst's word joiner before the number) between the entry and its page.
    expect(text).toMatch(new RegExp(`${sig}[\\s.\u2060]+2\\n`));
    // The heading that makes the TOC entry is on page 2, and the TOC itself is not a bookmark of its own.
    expect(text.split("\f")[1]).toContain(sig);
  });

  it("DOCX has styles with outline levels, the language, a TOC field, header/footer fields and the draft mark", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(out[lang].docx);
    const styles = strFromU8(files["word/styles.xml"]!);
    const document = strFromU8(files["word/document.xml"]!);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?<w:outlineLvl w:val="1"\/>/);
    expect(styles).toContain(`<w:lang w:val="${lang === "bg" ? "bg-BG" : "en-GB"}"/>`);
    expect(styles).toContain('w:ascii="Arial"');
    expect(document).toContain("TOC \\h \\o &quot;1-2&quot;");
    expect(document).toContain("<w:tblHeader/>");
    // A named table style with the repeated header row, and fixed column widths from the shared plan.
    expect(styles).toMatch(/<w:style w:type="table"[^>]*w:styleId="EdihTable">[\s\S]*?<w:tblStylePr w:type="firstRow">[\s\S]*?<w:tblHeader\/>/);
    expect(document).toContain('<w:tblStyle w:val="EdihTable"/>');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    // Justified, auto-hyphenated body text (as in the PDF); headings and table cells stay flush left, unhyphenated.
    expect(strFromU8(files["word/settings.xml"]!)).toContain("<w:autoHyphenation/>");
    expect(styles).toMatch(/<w:pPrDefault><w:pPr>[^]*?<w:jc w:val="both"\/>[^]*?<\/w:pPr><\/w:pPrDefault>/);
    expect(styles).toMatch(/w:styleId="Heading1"[^]*?<w:jc w:val="left"\/>/);
    expect(styles).toMatch(/w:styleId="EdihTable">[^]*?<w:suppressAutoHyphens\/>/);
    const footers = Object.keys(files).filter((f) => /word\/footer\d*\.xml/.test(f)).map((f) => strFromU8(files[f]!)).join("");
    expect(footers).toContain("NUMPAGES");
    const headers = Object.keys(files).filter((f) => /word\/header\d*\.xml/.test(f)).map((f) => strFromU8(files[f]!)).join("");
    expect(headers).toContain(DRAFT[lang]);
    // Two lists in the sample restart their numbering: each list has its own numbering instance.
    const numIds = new Set([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBeGreaterThanOrEqual(2);
  });
});

describe("real clients", () => {
  it("LibreOffice converts every sample DOCX with its text intact", () => {
    const lo = join(dir, "lo");
    soffice(["--convert-to", "pdf", "--outdir", lo, out.bg.docxPath, out.en.docxPath]);
    for (const lang of ["bg", "en"] as const) {
      const pdf = join(lo, `sample-${lang}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      // LibreOffice has no Arial here and substitutes a wider font, so cells wrap: compare in stream order.
      const text = pdfText(pdf, "raw");
      expect(firstOutOfOrder(treeWords(out[lang].doc), text)).toEqual({ index: -1 });
      expect(text).toContain(HOSTILE);
      // Body text is justified: the first line of the agreement's opening paragraph reaches the right margin.
      const boxes = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" });
      const first = lang === "bg" ? "Настоящото" : "This";
      const line = [...boxes.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>\s*<word[^>]*>([^<]*)</g)].find((m) => m[2] === first);
      expect(Math.abs(Number(line![1]) - (595.28 - 56.69))).toBeLessThan(2);
    }
  });

  it("draws the Cyrillic glyphs (pixels, not only extractable text)", async () => {
    const { renderDocument } = await import("../../src/render/index.js");
    const page = (body: string) => renderDocument({ template: `---\ntitle: "Ж"\n---\n${body}\n`, templatePath: "px.md.hbs",
      partials: {}, labels: { page: "Стр.", of: "от" }, context: {}, lang: "bg" }).document!;
    const cyr = Array.from({ length: 12 }, () => "Заявление за ЕЦИХ — Европейски цифров иновационен хъб ЁёЪъЬьЮюЯя ЖжЩщШшФф").join("\n\n");
    const withText = save(dir, "px-text.pdf", await writePdf(page(cyr)));
    const blank = save(dir, "px-blank.pdf", await writePdf(page("")));
    expect(pdfText(withText)).toContain("ЁёЪъЬьЮюЯя");
    const delta = darkPixels(withText, 1, dir) - darkPixels(blank, 1, dir);
    // 12 lines of ~75 glyphs; a face that keeps the text but draws nothing leaves delta near 0.
    expect(delta).toBeGreaterThan(3000);
  });
});

describe("post-processing", () => {
  it("merges parts with one bookmark each, deterministically", async () => {
    const meta = { title: "Пакет", lang: "bg" as const, author: "Хъб" };
    const parts = [{ title: "Част едно", bytes: out.bg.pdf }, { title: "Part two", bytes: out.en.pdf }];
    const merged = await mergePdfs(parts, meta);
    expect(Buffer.compare(Buffer.from(merged), Buffer.from(await mergePdfs(parts, meta)))).toBe(0);
    const p = save(dir, "merged.pdf", merged);
    execFileSync("qpdf", ["--check", p]);
    expect(await pdfPageCount(merged)).toBe(4);
    const outline = execFileSync("qpdf", ["--json", "--json-key=outlines", p], { encoding: "utf8" });
    expect(JSON.parse(outline).outlines.map((o: { title: string }) => o.title)).toEqual(["Част едно", "Part two"]);
  });
});
