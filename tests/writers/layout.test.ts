// pageLayout (src/writers/layout.ts) exports only the layout it keeps, and only when its PDF is
// asked for, and shares it between the formats of one document: the bytes are those of compiling
// the kept density's source on its own.
import { execFileSync } from "../spawn.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/render/tree.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { pageLayout } from "../../src/writers/layout.js";
import { typstSource } from "../../src/writers/pdf/build.js";
import { compileTypst } from "../../src/writers/pdf/typst.js";
import { NORMAL_DENSITY, TIGHTER, type Density } from "../../src/writers/theme.js";
import { tempDir } from "../temp.js";

const LABELS = { page: "Page", of: "of", signature: "Signature", date: "Date" };
const clause = (i: number) => `Clause ${i}. The partner confirms that the data it gave for the proposal are true, complete and up to date.`;

function signed(paragraphs: number, signatories = 1): RenderedDocument {
  const people = Array.from({ length: signatories }, (_, i) => `- **Partner ${i + 1}** — Rector, Name Surname`).join("\n");
  const md = `${Array.from({ length: paragraphs }, (_, i) => clause(i + 1)).join("\n\n")}\n\n`
    + `Place: Stara Zagora  \nDate: 1 March 2021\n\n:::signatures\n\n${people}\n\n:::\n`;
  return { meta: { title: "Declaration", lang: "en" }, tree: parseMarkdown(md), fills: 0, notes: [], labels: LABELS };
}

async function alone(doc: RenderedDocument, density: Density) {
  const { arimoMeasure } = await import("../../src/writers/metrics.js");
  return compileTypst(typstSource(doc, { measure: await arimoMeasure(), density }));
}

/**
 * The shortest signed document whose pages at normal and at the tightest density are as asked.
 * Signature blocks keep their height at any density, so many of them fill two pages at every one.
 */
async function find(normalPages: number, tightestPages: number, signatories = 1): Promise<RenderedDocument> {
  for (let n = 1; n <= 60; n += 1) {
    const doc = signed(n, signatories);
    if ((await alone(doc, NORMAL_DENSITY)).pages === normalPages && (await alone(doc, TIGHTER.at(-1)!)).pages === tightestPages) return doc;
  }
  throw new Error("no such length");
}

describe("pageLayout", () => {
  it("a document fitted on one page has the bytes of its density's source compiled alone", async () => {
    const doc = await find(2, 1);
    const layout = await pageLayout(doc);
    expect(layout.pages).toBe(1);
    expect(layout.density).not.toEqual(NORMAL_DENSITY);
    expect(Buffer.compare(Buffer.from(layout.pdf()), Buffer.from((await alone(doc, layout.density)).bytes))).toBe(0);
  });

  it("a document that needs two pages at every density keeps the normal layout, exported after the tighter tries", async () => {
    const doc = await find(2, 2, 10);
    const layout = await pageLayout(doc);
    expect(layout.pages).toBe(2);
    expect(layout.density).toEqual(NORMAL_DENSITY);
    expect(Buffer.compare(Buffer.from(layout.pdf()), Buffer.from((await alone(doc, NORMAL_DENSITY)).bytes))).toBe(0);
  });

  it("gives the formats of one document one layout, and an equal document built again the same bytes", async () => {
    const doc = signed(12);
    const first = await pageLayout(doc);
    expect(await pageLayout(doc)).toBe(first);
    expect(await pageLayout(doc, { draftMark: "DRAFT" })).not.toBe(first);
    expect(Buffer.compare(Buffer.from((await pageLayout(signed(12))).pdf()), Buffer.from(first.pdf()))).toBe(0);
  });

  it("knows the page of each heading without writing the PDF, and writes the PDF once when asked", async () => {
    // A heading on the first page, 40 clauses, a heading after them (on a later page), a level-3 heading (not in the contents).
    const md = `# First\n\n${clause(0)}\n\n${Array.from({ length: 40 }, (_, i) => clause(i + 1)).join("\n\n")}\n\n## Second\n\n${clause(41)}\n\n### Third\n\n${clause(42)}\n`;
    const doc: RenderedDocument = { meta: { title: "Part B", lang: "en" }, tree: parseMarkdown(md), fills: 0, notes: [], labels: LABELS };
    const layout = await pageLayout(doc);
    const pdf = layout.pdf();
    expect(layout.pdf()).toBe(pdf);
    // Where poppler finds the headings in the PDF written afterwards.
    const file = join(tempDir("heading-pages"), "doc.pdf");
    writeFileSync(file, pdf);
    const pages = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f");
    const pageOf = (heading: string) => pages.findIndex((text) => text.split("\n").some((line) => line.trim() === heading)) + 1;
    expect(pageOf("Second")).toBeGreaterThan(1);
    expect(layout.headingPages).toEqual([pageOf("First"), pageOf("Second")]);
  });
});
