/**
 * Issue 13 §5: a key–value table (`:::key-value`: Part B's summary, the work packages' headers) has
 * no header row, so nothing is shaded or repeated on the next page; the tables of one group share
 * their column widths. Checked in the PDF with poppler and in the DOCX's XML.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "../spawn.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseMarkdown } from "../../src/render/tree.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { writePdf } from "../../src/writers/pdf/index.js";
import { writeDocx } from "../../src/writers/docx/index.js";
import { save } from "./helpers.js";
import { pageCount } from "./signature-pages.js";

const dir = mkdtempSync(join(tmpdir(), "edih-kv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = (md: string): RenderedDocument =>
  ({ meta: { title: "T", lang: "en" }, tree: parseMarkdown(md), fills: 0, notes: [], labels: { page: "Page", of: "of" } });

const rows = (n: number, key = "Keyword") => [`| Firstkey | Firstvalue |`, `|---|---|`,
  ...Array.from({ length: n }, (_, i) => `| ${key}${i} | A value that is long enough to wrap onto a second line of its cell in a table ${i} |`)].join("\n");

const pageText = (pdf: string, p: number) => execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-layout", pdf, "-"], { encoding: "utf8" });

describe("key–value tables have no header row", () => {
  it("PDF: a long key–value table does not repeat its first row on the next page; an ordinary table does", async () => {
    const kv = save(dir, "kv.pdf", await writePdf(doc(`:::key-value\n\n${rows(90)}\n\n:::\n`)));
    const plain = save(dir, "plain.pdf", await writePdf(doc(`${rows(90)}\n`)));
    expect(pageCount(kv)).toBeGreaterThan(1);
    expect(pageCount(plain)).toBeGreaterThan(1);
    expect(pageText(plain, 2)).toContain("Firstkey");
    expect(pageText(kv, 2)).not.toContain("Firstkey");
    expect(pageText(kv, 1)).toContain("Firstkey");
  });

  it("DOCX: no repeated header, no header shading, the key-value style without a first-row look; keys bold", async () => {
    const files = unzipSync(await writeDocx(doc(`:::key-value\n\n${rows(3)}\n\n:::\n\n${rows(3, "Other")}\n`)));
    const xml = strFromU8(files["word/document.xml"]!);
    const [kv, plain] = xml.split("<w:tbl>").slice(1);
    expect(kv).toContain('<w:tblStyle w:val="EdihKeyValueTable"/>');
    expect(kv).not.toContain("<w:tblHeader");
    expect(kv).not.toContain("D9E2F3");
    // The first row's value is not bold; its key is.
    const firstRow = kv!.split("</w:tr>")[0]!;
    const runOf = (word: string) => [...firstRow.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).find((r) => r.includes(word))!;
    expect(runOf("Firstkey")).toContain("<w:b/>");
    expect(runOf("Firstvalue")).not.toContain("<w:b/>");
    expect(plain).toContain("<w:tblHeader/>");
    const styles = strFromU8(files["word/styles.xml"]!);
    const kvStyle = /<w:style [^>]*w:styleId="EdihKeyValueTable"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(kvStyle).not.toContain("firstRow");
  });
});

describe("work-package tables share their column widths", () => {
  const md = [
    `:::key-value{group="wp"}\n\n| Lead | A |\n|---|---|\n| Duration | M1–M36 |\n\n:::`,
    `Some text between the tables.`,
    `:::key-value{group="wp"}\n\n| Lead beneficiary of a very long name | Agency for Regional and Economic Development |\n|---|---|\n| Effort | 120 person-months |\n\n:::`,
    `:::key-value\n\n| Lead | A |\n|---|---|\n| Duration | M1–M36 |\n\n:::`,
  ].join("\n\n");

  it("DOCX: the same grid for every table of the group, its own for a table outside it", async () => {
    const xml = strFromU8(unzipSync(await writeDocx(doc(md)))["word/document.xml"]!);
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) => m[1]);
    expect(grids).toHaveLength(3);
    expect(grids[0]).toBe(grids[1]);
    expect(grids[2]).not.toBe(grids[0]);
  });

  it("PDF: the value column starts at the same x in every table of the group", async () => {
    const pdf = save(dir, "wp.pdf", await writePdf(doc(md)));
    const boxes = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
    const x = (word: string) => [...boxes.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].filter((m) => m[2] === word).map((m) => Number(m[1]));
    // "M1–M36" is the value of the first table of the group and of the table outside it.
    const [first, alone] = x("M1–M36");
    const second = x("120")[0];
    expect(first).toBeDefined();
    expect(Math.abs(first! - second!)).toBeLessThan(0.5);
    expect(Math.abs(alone! - first!)).toBeGreaterThan(5);
  });
});
