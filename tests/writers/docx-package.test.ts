/**
 * The DOCX writer writes WordprocessingML as text (writers/docx/wml.ts, body.ts, package.ts): what
 * docx's serialiser used to guarantee is checked here — escaping, bookmark ids that pair up, links
 * with their relationships, the table of contents' entries and pages — and the result is opened
 * by LibreOffice, the real client.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseMarkdown } from "../../src/render/tree.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { writeDocx } from "../../src/writers/docx/index.js";
import { documentBody } from "../../src/writers/docx/body.js";
import { documentParts } from "../../src/writers/docx/package.js";
import { esc, paragraph, rPr } from "../../src/writers/docx/wml.js";
import { NORMAL_DENSITY } from "../../src/writers/theme.js";
import { soffice } from "../office.js";
import { save } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "edih-docx-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = (md: string, title = "T"): RenderedDocument =>
  ({ meta: { title, lang: "en" }, tree: parseMarkdown(md), fills: 0, notes: [], labels: { page: "Page", of: "of" } });
const parts = async (d: RenderedDocument) => {
  const files = unzipSync(await writeDocx(d));
  return (name: string) => strFromU8(files[name]!);
};

describe("WordprocessingML as text", () => {
  it.each([
    ["a & b", "a &amp; b"],
    ["<x y=\"1\">", "&lt;x y=&quot;1&quot;&gt;"],
    ["it's", "it&apos;s"],
    ["bell\u0007 and nul\u0000 dropped, tab\t kept", "bell and nul dropped, tab\t kept"],
    ["Кирилица — „кавички“", "Кирилица — „кавички“"],
  ])("escapes %j", (text, xml) => {
    expect(esc(text)).toBe(xml);
  });

  it("writes on/off properties set off as false, and nothing for an empty paragraph's properties", () => {
    expect(rPr({ bold: false, italics: true })).toBe(`<w:rPr><w:b w:val="false"/><w:bCs w:val="false"/><w:i/><w:iCs/></w:rPr>`);
    expect(rPr({})).toBe("");
    expect(paragraph({}, "")).toBe("<w:p/>");
    expect(paragraph({ keepNext: true, alignment: "left" }, "")).toBe(`<w:p><w:pPr><w:keepNext/><w:jc w:val="left"/></w:pPr></w:p>`);
  });

  it("keeps hostile text as text in the body, header and properties", async () => {
    // No colons: in Markdown `:x` is a directive, which the render step refuses before any writer.
    const evil = `</t></r><r><t>injected & "quoted" 'x'`;
    const part = await parts(doc(`${evil}\n`, evil));
    for (const name of ["word/document.xml", "word/header1.xml", "docProps/core.xml"]) {
      expect(part(name), name).not.toContain("<t>injected");
      expect(part(name), name).toContain("&lt;/t&gt;&lt;/r&gt;&lt;r&gt;&lt;t&gt;injected &amp; &quot;quoted&quot; &apos;x&apos;");
    }
  });
});

describe("bookmarks, links and lists", () => {
  it("numbers bookmarks in the order they start, each end closing its own (a heading inside a slot)", async () => {
    const part = await parts(doc(":::toc\n:::\n\n:::fill{#why}\nIntro.\n\n# Inside\n\nMore.\n:::\n\n# After\n\nText.\n"));
    const xml = part("word/document.xml");
    const marks = [...xml.matchAll(/<w:bookmark(Start|End) (?:w:name="([^"]+)" )?w:id="(\d+)"\/>/g)].map((m) => [m[1], m[2] ?? "", m[3]]);
    expect(marks).toEqual([
      ["Start", "edih_why", "1"], ["Start", "_Toc1", "2"], ["End", "", "2"], ["End", "", "1"],
      // The slot's end mark starts the paragraph after it: inside that heading's bookmark.
      ["Start", "_Toc2", "3"], ["Start", "edihend_why", "4"], ["End", "", "4"], ["End", "", "3"],
    ]);
  });

  it("gives each link a relationship, before the font table's, and keeps a fragment as the place to open", async () => {
    const part = await parts(doc("[a](https://a.example/x#part) and [b](https://b.example/?q=1&r=2) and [a again](https://a.example/x#part).\n"));
    const xml = part("word/document.xml");
    expect([...xml.matchAll(/<w:hyperlink ([^>]*)>/g)].map((m) => m[1])).toEqual([
      `w:history="1" w:anchor="part" r:id="rIdx1"`, `w:history="1" r:id="rIdx2"`, `w:history="1" w:anchor="part" r:id="rIdx3"`]);
    const rels = part("word/_rels/document.xml.rels");
    const ids = [...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(ids.slice(-4)).toEqual(["rIdx1 https://a.example/x", "rIdx2 https://b.example/?q=1&amp;r=2", "rIdx3 https://a.example/x", "rId12 fontTable.xml"]);
    expect(new Set(ids.map((i) => i.split(" ")[0])).size).toBe(ids.length);
  });

  it("gives every list its own numbering instance, numbered from 1 at every level", async () => {
    const part = await parts(doc("- a\n- b\n\nText.\n\n1. one\n2. two\n\n- c\n"));
    const nums = [...part("word/numbering.xml").matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g)].map((m) => `${m[1]}:${m[2]}`);
    // 1 is docx's default bullets; then the lists in document order: bullets (2), decimal (3), bullets.
    expect(nums).toEqual(["1:1", "2:2", "3:3", "4:2"]);
    const used = [...part("word/document.xml").matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(used).toEqual(["2", "2", "3", "3", "4"]);
  });
});

describe("table of contents and page count", () => {
  const toc = doc(":::toc\n:::\n\n# One\n\n## One.one\n\n### Not listed\n\n# Two\n");
  const write = async (headingPages: number[]) => {
    const body = documentBody(toc, { density: NORMAL_DENSITY });
    return documentParts(toc, body, { density: NORMAL_DENSITY, layout: { density: NORMAL_DENSITY, headingPages, pages: 7 } });
  };

  it("lists headings 1-2 with the PDF's pages, and the PDF's page count in the footer", async () => {
    const p = await write([1, 2, 5]);
    const xml = p.get("word/document.xml")!;
    const entries = [...xml.matchAll(/<w:pStyle w:val="(TOC\d)"\/>.*?<w:t xml:space="preserve">([^<]*)<\/w:t>.*?PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<w:t xml:space="preserve">(\d+)<\/w:t>)?/g)]
      .map((m) => [m[1], m[2], m[3], m[4]]);
    expect(entries).toEqual([["TOC1", "One", "_Toc1", "1"], ["TOC2", "One.one", "_Toc2", "2"], ["TOC1", "Two", "_Toc3", "5"]]);
    expect(p.get("word/footer1.xml")).toContain(`NUMPAGES</w:instrText></w:r><w:r><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:fldChar w:fldCharType="separate"/><w:t xml:space="preserve">7</w:t>`);
    expect(p.get("word/settings.xml")).not.toContain("updateFields");
  });

  it("leaves the pages blank when the PDF's headings do not match these", async () => {
    const xml = (await write([1, 2])).get("word/document.xml")!;
    expect(xml.match(/PAGEREF/g)).toHaveLength(3);
    expect(xml).not.toMatch(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t/);
  });

  it("opens in LibreOffice with its text, lists, links and contents", async () => {
    const md = ":::toc\n:::\n\n# First & <heading>\n\nText with a [link](https://example.org/?a=1&b=2) and **bold**.\n\n- item one\n- item two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n:::fill{#slot}\nBox text.\n:::\n\n# Second\n";
    const file = save(dir, "package.docx", await writeDocx(doc(md)));
    soffice(["--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, file]);
    const text = readFileSync(join(dir, "package.txt"), "utf8");
    for (const words of ["First & <heading>", "Text with a link and bold.", "item one", "item two", "quoted", "Box text.", "Second"]) {
      expect(text, words).toContain(words);
    }
    // The contents' entries are there, with their (blank or filled) page numbers after a tab.
    expect(text).toMatch(/First & <heading>\t\d*\n/);
  }, 120_000);
});
