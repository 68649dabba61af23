// pageLayout (src/writers/layout.ts) exports only the layout it keeps, and shares it between the
// formats of one document: the bytes are those of compiling the kept density's source on its own.
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/render/tree.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { pageLayout } from "../../src/writers/layout.js";
import { typstSource } from "../../src/writers/pdf/build.js";
import { compileTypst } from "../../src/writers/pdf/typst.js";
import { NORMAL_DENSITY, TIGHTER, type Density } from "../../src/writers/theme.js";

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

  it("writes the PDF only when asked, once, and the page numbers of the contents without it", async () => {
    const doc = signed(12);
    const layout = await pageLayout(doc, { draftMark: "ONLY ASKED" });
    expect(layout.headingPages.every((n) => Number.isInteger(n))).toBe(true);
    const pdf = layout.pdf();
    expect(layout.pdf()).toBe(pdf);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });
});
