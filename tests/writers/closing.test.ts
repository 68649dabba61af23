/**
 * Issue 13 §5: a signature block never stands alone on a page, and a short signed document that
 * would spill its closing lines onto a second page is set on one. Checked on the PDF with poppler,
 * on the DOCX's XML, and on the DOCX as LibreOffice lays it out.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "../spawn.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseMarkdown } from "../../src/render/tree.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { layoutPdf } from "../../src/writers/pdf/index.js";
import { typstSource } from "../../src/writers/pdf/build.js";
import { compileTypst } from "../../src/writers/pdf/typst.js";
import { writeDocx } from "../../src/writers/docx/index.js";
import { NORMAL_DENSITY, TIGHTER, twips, type Density } from "../../src/writers/theme.js";
import { libreOfficePdfs, save } from "./helpers.js";
import { pageCount, signatureMaterial, signatureOnlyPages } from "./signature-pages.js";

const dir = mkdtempSync(join(tmpdir(), "edih-closing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LABELS = { page: "Page", of: "of", signature: "Signature", date: "Date" };
const filler = (n: number) => Array.from({ length: n }, (_, i) =>
  `Clause ${i + 1}. The partner confirms that the data it gave for the proposal are true, complete and up to date, and that it will tell the coordinator of any change without delay.`).join("\n\n");

function signed(paragraphs: number, opts: { breakBefore?: boolean } = {}): RenderedDocument {
  const md = `${filler(paragraphs)}\n\nI am aware of the liability for false statements.\n\n${opts.breakBefore ? "::page-break\n\n" : ""}`
    + `Place: Stara Zagora  \nDate: 1 March 2021\n\n:::signatures\n\n- **Trakia University** — Rector, Name Surname\n\n:::\n`;
  return { meta: { title: "Declaration", lang: "en" }, tree: parseMarkdown(md), fills: 0, notes: [], labels: LABELS };
}

describe("the page check itself", () => {
  it("finds a signature block forced onto a page of its own", async () => {
    const doc = signed(3, { breakBefore: true });
    const pdf = save(dir, "forced.pdf", (await layoutPdf(doc)).bytes);
    expect(pageCount(pdf)).toBe(2);
    expect(signatureOnlyPages(pdf, signatureMaterial(doc))).toEqual([2]);
  });
});

describe("closing lines stay with the signatures", () => {
  // From a document that ends high on page 1 to one that needs two pages at any density: the
  // break falls before, inside and after the closing group somewhere in this range.
  const sizes = Array.from({ length: 14 }, (_, i) => 14 + i * 2);

  it("PDF: no page holds only the signature block, whatever the length", async () => {
    const alone: string[] = [];
    const pages = new Set<number>();
    for (const n of sizes) {
      const doc = signed(n);
      const pdf = save(dir, `len-${n}.pdf`, (await layoutPdf(doc)).bytes);
      pages.add(pageCount(pdf));
      for (const p of signatureOnlyPages(pdf, signatureMaterial(doc))) alone.push(`${n} paragraphs: page ${p}`);
    }
    expect(pages).toEqual(new Set([1, 2, 3]));
    expect(alone).toEqual([]);
  });

  it("DOCX: the text before the closing lines, the closing lines and the signatures keep together", async () => {
    const xml = strFromU8(unzipSync(await writeDocx(signed(3)))["word/document.xml"]!);
    const paras = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]);
    const at = (text: string) => paras.find((p) => p.includes(text))!;
    for (const text of ["I am aware of the liability", "Place: Stara Zagora"]) expect(at(text), text).toMatch(/<w:keepNext\/>[\s\S]*<w:keepLines\/>/);
    // The filler before them is free to break.
    expect(at("Clause 2. The partner confirms")).not.toContain("<w:keepNext/>");

  });
});

describe("a short signed document is fitted on one page", () => {
  it("sets tighter the one that would spill onto a second page, in both formats", async () => {
    // The first length that needs two pages at normal density spills only its last lines: it is fitted.
    const { arimoMeasure } = await import("../../src/writers/metrics.js");
    const measure = await arimoMeasure();
    let found: RenderedDocument | undefined;
    for (let n = 14; n <= 40 && !found; n++) {
      const doc = signed(n);
      if (compileTypst(typstSource(doc, { measure, density: NORMAL_DENSITY })).pages === 2) found = doc;
    }
    expect(found).toBeDefined();
    expect((await layoutPdf(found!)).pages).toBe(1);
    // The DOCX is set at the density the PDF's layout chose: page margins, body size, paragraph gap.
    const docx = unzipSync(await writeDocx(found!));
    const margin = /<w:pgMar w:top="(\d+)"/.exec(strFromU8(docx["word/document.xml"]!))![1];
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(strFromU8(docx["word/styles.xml"]!))![0];
    const set = `${margin}/${/<w:sz w:val="(\d+)"/.exec(defaults)![1]}/${/w:after="(\d+)"/.exec(defaults)![1]}`;
    const key = (d: Density) => `${twips(d.margin)}/${d.size * 2}/${twips(d.paragraphGap)}`;
    expect(TIGHTER.map(key)).toContain(set);
    expect(set).not.toBe(key(NORMAL_DENSITY));
  });

  it("leaves a document with a page break, or one that needs two pages, at normal density", async () => {
    const forced = unzipSync(await writeDocx(signed(3, { breakBefore: true })));
    expect(strFromU8(forced["word/document.xml"]!)).toContain(`w:top="${twips(NORMAL_DENSITY.margin)}"`);
    const long = signed(60);
    expect((await layoutPdf(long)).pages).toBeGreaterThan(2);
    expect(strFromU8(unzipSync(await writeDocx(long))["word/document.xml"]!)).toContain(`w:top="${twips(NORMAL_DENSITY.margin)}"`);
  });

  it("LibreOffice: no page of the DOCX holds only the signature block", async () => {
    const docs = [14, 20, 24, 28, 34].map((n) => ({ n, doc: signed(n) }));
    const files = await Promise.all(docs.map(async ({ n, doc }) => save(dir, `lo-${n}.docx`, await writeDocx(doc))));
    const pdfs = libreOfficePdfs(files, join(dir, "lo"));
    const alone = docs.flatMap(({ n, doc }, i) => signatureOnlyPages(pdfs[i]!, signatureMaterial(doc)).map((p) => `${n}: page ${p}`));
    expect(alone).toEqual([]);
    // The place-and-date line ends in a line break: justified, it would be stretched to the right margin.
    const boxes = execFileSync("pdftotext", ["-bbox-layout", pdfs[0]!, "-"], { encoding: "utf8" });
    const line = [...boxes.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>\s*<word[^>]*>([^<]*)</g)].find((m) => m[2] === "Place:");
    expect(Number(line![1])).toBeLessThan(300);
  });
});
