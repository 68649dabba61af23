// The parts every DOCX shares are made, parsed and deflated once per process
// (writers/docx/frame.ts, writers/docx/zip.ts, narrative/xml-once.ts): a document must come
// out byte for byte as it does when it is the first one a process writes, and documents with
// different styles must each get their own.
import { execFileSync } from "../spawn.js";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { zipEntries } from "../../src/writers/docx/zip.js";
import { parseXml } from "../../src/narrative/xml.js";
import { parseXmlOnce } from "../../src/narrative/xml-once.js";

const ROOT = join(import.meta.dirname, "../..");

/**
 * Writes the given languages' documents, in order, in a fresh Node process (the compiled edih, as
 * the CLI runs it): the DOCX of each write, base64. A slot, so the stamps are part of it too.
 */
function writeInFreshProcess(langs: string[]): Buffer[] {
  const script = `
    const { renderDocument } = await import(${JSON.stringify(join(ROOT, "dist/src/render/index.js"))});
    const { writeDocx } = await import(${JSON.stringify(join(ROOT, "dist/src/writers/docx/index.js"))});
    const { stampParts } = await import(${JSON.stringify(join(ROOT, "dist/src/narrative/stamp.js"))});
    const template = "---\\ntitle: Shared parts {{lang}}\\n---\\n\\n# Heading\\n\\nText with a [link](https://example.org/a?b=1&c=2).\\n\\n- one\\n- two\\n\\n1. first\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\n:::fill{#why}\\nWhy **this** hub?\\n:::\\n\\nAfter the slot.\\n";
    const out = [];
    for (const lang of ${JSON.stringify(langs)}) {
      const { document } = renderDocument({ template, templatePath: "t.md.hbs", partials: {}, labels: {}, context: { lang }, lang });
      const bytes = await writeDocx(document, { addParts: (xml) => stampParts(xml, { document: "t", lang }, { why: null }).parts });
      out.push(Buffer.from(bytes).toString("base64"));
    }
    console.log(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 300_000 });
  return (JSON.parse(stdout) as string[]).map((b) => Buffer.from(b, "base64"));
}

const part = (docx: Buffer, name: string) => strFromU8(unzipSync(new Uint8Array(docx))[name]!);

describe("parts shared between the DOCX of one process", () => {
  it("give the bytes of a document written first, whatever was written before it; other styles get their own", () => {
    const [enAlone] = writeInFreshProcess(["en"]);
    const [bgFirst, enAfter, enAgain] = writeInFreshProcess(["bg", "en", "en"]);
    const [bgAlone] = writeInFreshProcess(["bg"]);
    expect(enAfter!.equals(enAlone!)).toBe(true);
    expect(enAgain!.equals(enAlone!)).toBe(true);
    expect(bgFirst!.equals(bgAlone!)).toBe(true);
    // The languages' styles differ (the body text's language), the theme is docx's one default.
    expect(part(bgFirst!, "word/styles.xml")).toContain('w:val="bg-BG"');
    expect(part(enAfter!, "word/styles.xml")).toContain('w:val="en-GB"');
    expect(part(enAfter!, "word/styles.xml")).not.toContain('w:val="bg-BG"');
    expect(part(enAfter!, "word/theme/theme1.xml")).toBe(part(bgFirst!, "word/theme/theme1.xml"));
    // Each document kept its own text and its stamps.
    expect(part(enAfter!, "word/document.xml")).toContain("Shared parts en");
    expect(part(bgFirst!, "word/document.xml")).toContain("Shared parts bg");
    expect(part(enAfter!, "docProps/custom.xml")).toContain('name="edih.lang"><vt:lpwstr>en<');
  });
});

describe("zipEntries", () => {
  it("writes fflate's zipSync bytes, also for parts it deflated before", () => {
    const time = new Date(2000, 0, 1, 0, 0, 0);
    const random = new Uint8Array(70_000).map((_, i) => (i * 2654435761) >>> 24);
    const entries = [
      { name: "[Content_Types].xml", data: "<Types>" + "<Override/>".repeat(300) + "</Types>" },
      { name: "word/document.xml", data: "<w:t>Страница — ünïcode ☃</w:t>" },
      { name: "word/media/image1.bin", data: random },
      { name: "word/empty.xml", data: "" },
      { name: "word/тест.xml", data: "<x/>" },
    ];
    const zippable: Zippable = {};
    for (const e of entries) zippable[e.name] = [typeof e.data === "string" ? strToU8(e.data) : e.data, { mtime: time }];
    const expected = Buffer.from(zipSync(zippable, { level: 6 }));
    expect(Buffer.from(zipEntries(entries, time)).equals(expected)).toBe(true);
    expect(Buffer.from(zipEntries(entries, time)).equals(expected)).toBe(true);
    // A changed text is deflated afresh, not taken for the one before.
    const changed = entries.map((e) => (e.name === "word/document.xml" ? { ...e, data: "<w:t>other</w:t>" } : e));
    expect(strFromU8(unzipSync(zipEntries(changed, time))["word/document.xml"]!)).toBe("<w:t>other</w:t>");
  });
});

describe("parseXmlOnce", () => {
  it("gives parseXml's tree, frozen, and a new tree for a new text", () => {
    const text = '<w:styles xmlns:w="x"><w:style w:styleId="A"><w:name w:val="a &amp; b"/></w:style></w:styles>';
    const tree = parseXmlOnce(text, "styles.xml");
    expect(tree).toEqual(parseXml(text, "styles.xml"));
    expect(parseXmlOnce(text, "styles.xml")).toBe(tree);
    expect(Object.isFrozen(tree.children[0])).toBe(true);
    expect(() => (tree.children as unknown[]).push("x")).toThrow();
    expect(parseXmlOnce(text.replace('"A"', '"B"'), "styles.xml")).not.toEqual(tree);
  });
});
