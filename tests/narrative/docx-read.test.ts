// The WordprocessingML reader and its Markdown: small DOCX packages written here part by part.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxError, openDocx } from "../../src/narrative/docx-package.js";
import { readDocx } from "../../src/narrative/docx-read.js";
import { canonicalMarkdown } from "../../src/narrative/docx-to-markdown.js";
import { slotMarkdown } from "../../src/narrative/stamp.js";
import { wordChanges } from "../../src/narrative/word-diff.js";
import { parseXml, XmlError } from "../../src/narrative/xml.js";

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const NUMBERING = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>`
  + `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>`
  + `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://digital-strategy.ec.europa.eu/" TargetMode="External"/></Relationships>`;

/** A DOCX whose body is one slot (bookmark edih_s, end mark before a closing paragraph). */
function docx(slotBody: string, extra: Record<string, string> = {}): Uint8Array {
  const body = `<w:p><w:bookmarkStart w:id="1" w:name="edih_s"/><w:r><w:t>Label</w:t></w:r></w:p>`.replace("Label", "") + slotBody
    + `<w:p><w:bookmarkStart w:id="2" w:name="edihend_s"/><w:bookmarkEnd w:id="2"/><w:r><w:t>After the slot</w:t></w:r></w:p>`;
  return zipSync({ "[Content_Types].xml": strToU8(TYPES), "word/document.xml": strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    "word/numbering.xml": strToU8(NUMBERING), "word/_rels/document.xml.rels": strToU8(RELS),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])) });
}
const slot = (body: string) => {
  const read = readDocx(openDocx(docx(body), "t.docx"));
  return slotMarkdown(read).find((s) => s.id === "s")?.markdown;
};
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const r = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const li = (numId: number, level: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${r(text)}</w:p>`;

describe("Markdown of a slot", () => {
  it("bold and italic, with the spaces at their edges moved outside", () => {
    expect(slot(p(r("A "), r("bold ", "<w:b/>"), r("and"), r(" italic", "<w:i/>"), r(" words.")))).toBe("A **bold** and *italic* words.\n");
    expect(slot(p(r("off", `<w:b w:val="0"/>`), r(" both", "<w:b/><w:i/>")))).toBe("off **_both_**\n");
  });

  it("links through their relationship; text outside links untouched", () => {
    expect(slot(p(r("See "), `<w:hyperlink r:id="rId9">${r("the strategy")}</w:hyperlink>`, r(".")))).toBe("See [the strategy](https://digital-strategy.ec.europa.eu/).\n");
  });

  it("bullet, nested and numbered lists", () => {
    expect(slot(li(1, 0, "one") + li(1, 1, "one a") + li(1, 0, "two") + p(r("Then:")) + li(2, 0, "first") + li(2, 0, "second")))
      .toBe("- one\n  - one a\n- two\n\nThen:\n\n1. first\n2. second\n");
  });

  it("tables, first row as header, several paragraphs of a cell joined", () => {
    const cell = (...paras: string[]) => `<w:tc>${paras.join("")}</w:tc>`;
    const table = `<w:tbl><w:tr>${cell(p(r("Item")))}${cell(p(r("Cost")))}</w:tr><w:tr>${cell(p(r("Staff")), p(r("two people")))}${cell(p(r("€ 10 | 000")))}</w:tr></w:tbl>`;
    expect(slot(table)).toBe("| Item  | Cost       |\n| ----- | ---------- |\n| Staff two people | € 10 \\| 000 |\n".replace("| Item  | Cost       |\n| ----- | ---------- |", "| Item             | Cost        |\n| ---------------- | ----------- |"));
  });

  it("headings by outline level; Markdown characters typed as text stay text", () => {
    const heading = `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>${r("Risks")}</w:p>`;
    const sub = `<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr>${r("Mitigation")}</w:p>`;
    // From level 1 in the file: the build puts them under the slot's own level again.
    expect(slot(heading + p(r("Costs * 2 and [draft] {{x}}")) + sub)).toBe("# Risks\n\nCosts \\* 2 and \\[draft] {{x}}\n\n## Mitigation\n");
  });

  it("the box's label line (by style name, as LibreOffice renames style ids) and empty paragraphs are not text", () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="EDIHfilllabel"><w:name w:val="EDIH fill label"/></w:style></w:styles>`;
    const body = `<w:p><w:pPr><w:pStyle w:val="EDIHfilllabel"/></w:pPr>${r("To be completed:", "<w:b/>")}</w:p>` + p() + p(r("Text."));
    const read = readDocx(openDocx(docx(body, { "word/styles.xml": styles }), "t.docx"));
    expect(slotMarkdown(read)).toEqual([{ id: "s", markdown: "Text.\n" }]);
  });

  it("tracked changes are found with their author; deleted text is not text", () => {
    const body = p(r("Kept "), `<w:del w:id="5" w:author="Ivan Petrov"><w:r><w:delText>gone </w:delText></w:r></w:del>`, `<w:ins w:id="6" w:author="Ivan Petrov">${r("new")}</w:ins>`);
    const read = readDocx(openDocx(docx(body), "t.docx"));
    expect(read.blocks.flatMap((b) => b.changes)).toEqual([{ kind: "deletion", author: "Ivan Petrov" }, { kind: "insertion", author: "Ivan Petrov" }]);
    expect(slotMarkdown(read)[0]!.markdown).toBe("Kept new\n");
  });

  it("a field's instruction is never text; a HYPERLINK field is a link", () => {
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.eu/" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("site")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(slot(p(r("The "), field))).toBe("The [site](https://example.eu/)\n");
  });

  it("the slot ends before its end mark, so paragraphs typed after its last one are still its own", () => {
    const read = readDocx(openDocx(docx(p(r("one")) + p(r("typed after"))), "t.docx"));
    expect(read.slots).toEqual([{ id: "s", first: 0, last: 2 }]);
    expect(slotMarkdown(read)[0]!.markdown).toBe("one\n\ntyped after\n");
  });

  it("canonical Markdown: the same content spelled differently is the same", () => {
    expect(canonicalMarkdown("* one\n* two\n\n__bold__ _it_")).toBe(canonicalMarkdown("- one\n- two\n\n**bold** *it*\n"));
  });
});

describe("refusing files", () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  const error = (bytes: Uint8Array, name = "x.docx") => {
    try {
      openDocx(bytes, name);
    } catch (err) {
      expect(err).toBeInstanceOf(DocxError);
      return (err as Error).message;
    }
    return "no error";
  };

  it("a DOCTYPE, an unknown entity, a wrong nesting are XML errors", () => {
    for (const bad of [`<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>`, "<d>&foo;</d>", "<d><e></d>", ""]) {
      expect(() => parseXml(bad, "part")).toThrow(XmlError);
    }
    expect(error(zip({ "[Content_Types].xml": TYPES, "word/document.xml": `<!DOCTYPE x><w:document ${W}/>` }))).toMatch(/word\/document\.xml: has a DOCTYPE/);
  });

  it("a zip without a Word body, or with a declared size far beyond what is stored", () => {
    expect(error(zip({ "[Content_Types].xml": TYPES, "word/other.xml": "<a/>" }))).toMatch(/not a Word document/);
    expect(error(zip({ "a.txt": "x" }))).toMatch(/not a Word document \(no \[Content_Types\]\.xml\)/);
    const bomb = zipSync({ "[Content_Types].xml": strToU8(TYPES), "word/document.xml": new Uint8Array(8 * 1024 * 1024) });
    expect(error(bomb)).toMatch(/times larger than stored \(a zip bomb\)/);
    const truncated = docx(p(r("x"))).slice(0, 200);
    expect(error(truncated)).toMatch(/damaged zip package/);
  });
});

describe("word counts", () => {
  it("counts words added and removed in order", () => {
    expect(wordChanges("one two three", "one three four five")).toEqual({ added: 2, removed: 1 });
    expect(wordChanges("", "Съфинансиране от **регионалния** бюджет.")).toEqual({ added: 4, removed: 0 });
  });
});
