// The package's PDFs joined from Typst's own files without pdf-lib (src/writers/pdf/join.ts),
// checked by qpdf and poppler, and the fallback to pdf-lib for a part in another form.
import { execFileSync } from "../spawn.js";
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "@cantoo/pdf-lib";
import { writePdf } from "../../src/writers/pdf/index.js";
import { joinPdfs } from "../../src/writers/pdf/join.js";
import { mergePdfs, mergeWithPdfLib } from "../../src/writers/pdf/post.js";
import { norm, pdfText, renderSample, save } from "./helpers.js";
import { tempDir } from "../temp.js";

const dir = tempDir("pdf-join");
const meta = { title: "Пакет (1) <x>", lang: "bg" as const, author: "Хъб \\ ) (" };
let parts: { title: string; bytes: Uint8Array }[] = [];

interface QpdfJson {
  pages: { object: string }[];
  outlines: { title: string; destpageposfrom1: number }[];
  qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
}
const qpdfJson = (file: string) => JSON.parse(execFileSync("qpdf", ["--json=2", file], { encoding: "utf8", maxBuffer: 1 << 28 })) as QpdfJson;

beforeAll(async () => {
  // The sample has a table of contents, so its pages carry links to other pages of the same part.
  parts = [
    { title: "Част едно", bytes: await writePdf(renderSample("bg")) },
    { title: "Part two", bytes: await writePdf(renderSample("en")) },
    { title: "Трета (част)", bytes: await writePdf(renderSample("bg"), { draftMark: "DRAFT" }) },
  ];
});

describe("joining Typst's PDFs", () => {
  it("reads Typst's output itself: no fallback to pdf-lib", () => {
    for (const p of parts) expect(joinPdfs([p], meta)).toBeInstanceOf(Uint8Array);
  });

  it("gives a file qpdf accepts, deterministically, with every page and one bookmark per part on its first page", () => {
    const joined = joinPdfs(parts, meta)!;
    expect(Buffer.compare(Buffer.from(joined), Buffer.from(joinPdfs(parts, meta)!))).toBe(0);
    const file = save(dir, "joined.pdf", joined);
    execFileSync("qpdf", ["--check", file]);
    const json = qpdfJson(file);
    expect(json.pages).toHaveLength(6);
    expect(json.outlines.map((o) => [o.title, o.destpageposfrom1])).toEqual([["Част едно", 1], ["Part two", 3], ["Трета (част)", 5]]);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Пакет \(1\) <x>/);
    expect(info).toMatch(/Author:\s+Хъб \\ \) \(/);
    expect(Buffer.from(joined).toString("latin1")).toContain("/Lang (bg-BG)");
  });

  it("keeps the parts' text in order, and its links land on pages of the package's page tree", () => {
    const file = save(dir, "joined-text.pdf", joinPdfs(parts, meta)!);
    const each = parts.map((p, i) => norm(pdfText(save(dir, `part-${i}.pdf`, p.bytes))));
    expect(norm(pdfText(file))).toBe(each.join(" "));
    const json = qpdfJson(file);
    const pages = new Set(json.pages.map((p) => p.object));
    const objects = json.qpdf[1];
    // Every object typed /Page is one of the package's pages (pdf-lib made second copies of link targets).
    const typedPages = Object.entries(objects).filter(([, o]) => o.value?.["/Type"] === "/Page").map(([k]) => k.replace(/^obj:/, ""));
    expect(new Set(typedPages)).toEqual(pages);
    // Links to places in the document (the table of contents); links to web addresses have an action instead.
    const links = Object.values(objects).filter((o) => o.value?.["/Subtype"] === "/Link" && o.value["/Dest"] !== undefined);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      let dest = link.value!["/Dest"] as string | unknown[];
      if (typeof dest === "string") dest = objects[`obj:${dest}`]!.value as unknown as unknown[];
      expect(pages).toContain(dest[0]);
    }
  });

  it("has the pages pdf-lib's merge has, drawn alike", async () => {
    const ours = save(dir, "ours.pdf", joinPdfs(parts, meta)!);
    const theirs = save(dir, "theirs.pdf", await mergeWithPdfLib(parts, meta));
    for (const [name, file] of [["o", ours], ["t", theirs]] as const) execFileSync("pdftoppm", ["-r", "30", "-png", file, `${dir}/${name}`]);
    for (let page = 1; page <= 6; page++) {
      expect(execFileSync("cmp", [`${dir}/o-${page}.png`, `${dir}/t-${page}.png`]).length).toBe(0);
    }
  });
});

describe("a part in another form", () => {
  it("is not read by join (object streams from another program) and goes through pdf-lib instead", async () => {
    const resaved = await (await PDFDocument.load(parts[1]!.bytes)).save({ useObjectStreams: true });
    expect(joinPdfs([parts[0]!, { title: "Edited", bytes: resaved }], meta)).toBeUndefined();
    const merged = save(dir, "fallback.pdf", await mergePdfs([parts[0]!, { title: "Edited", bytes: resaved }], meta));
    execFileSync("qpdf", ["--check", merged]);
    expect(qpdfJson(merged).outlines.map((o) => [o.title, o.destpageposfrom1])).toEqual([["Част едно", 1], ["Edited", 3]]);
  });

  it("is not read by join when it was updated in place (an appended section)", () => {
    const text = Buffer.from(parts[0]!.bytes).toString("latin1");
    const xref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const size = Number(/\/Size (\d+)/.exec(text)![1]);
    const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
    const update = `${size} 0 obj\n(added)\nendobj\nxref\n${size} 1\n${String(text.length).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${xref} >>\nstartxref\n${text.length + `${size} 0 obj\n(added)\nendobj\n`.length}\n%%EOF\n`;
    const updated = Buffer.from(text + update, "latin1");
    execFileSync("qpdf", ["--check", save(dir, "updated.pdf", updated)]);
    expect(joinPdfs([{ title: "x", bytes: updated }], meta)).toBeUndefined();
  });

  it("that is not a PDF at all is refused by join rather than misread", () => {
    expect(joinPdfs([{ title: "x", bytes: Buffer.from("PK\u0003\u0004 not a pdf") }], meta)).toBeUndefined();
    const cut = parts[0]!.bytes.subarray(0, parts[0]!.bytes.length - 200);
    expect(joinPdfs([{ title: "x", bytes: cut }], meta)).toBeUndefined();
  });
});
