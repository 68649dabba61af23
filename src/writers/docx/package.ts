/**
 * A DOCX package from a document's body: word/document.xml, its header and footer, the lists'
 * numbering and the links' relationships are written here; the parts every document with the same
 * settings shares (styles, theme, settings, font table, notes, content types) come from a frame
 * docx makes once per setting and process, with no content of its own (frame.ts).
 */
import type { RenderedDocument } from "../../render/index.js";
import { COLORS, labelOf, langTag, SIZES, type Density } from "../theme.js";
import { markEnd, markStart, OPEN_ID, paraText, writePara, type Body, type DocxLayout } from "./body.js";
import { ABSTRACT_NUM_IDS, documentFrame, TITLE_TOKEN, CREATOR_TOKEN, type Frame } from "./frame.js";
import * as w from "./wml.js";

const HEADING_LEVELS_IN_CONTENTS = 2;
/** The relationship type of an external link, as docx writes it. */
const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

export interface PackageOptions {
  draftMark?: string;
  layout?: DocxLayout;
  density: Density;
}

/** The XML parts of the package by path, in zip order (the frame's), text throughout. */
export async function documentParts(doc: RenderedDocument, body: Body, opts: PackageOptions): Promise<Map<string, string>> {
  const frame = await documentFrame({ density: opts.density, lang: langTag(doc.meta.lang), layout: opts.layout !== undefined });
  const parts = new Map<string, string>();
  for (const [path, xml] of frame.parts) {
    if (path === "word/document.xml") parts.set(path, documentXml(frame, body, opts.layout));
    else if (path === "word/header1.xml") parts.set(path, headerXml(frame, doc, opts.draftMark));
    else if (path === "word/footer1.xml") parts.set(path, footerXml(frame, doc.labels, opts.layout));
    else if (path === "word/numbering.xml") parts.set(path, xml.replace("</w:numbering>", `${body.lists.map(concreteList).join("")}</w:numbering>`));
    else if (path === "word/_rels/document.xml.rels") parts.set(path, links(xml, body.links));
    else if (path === "docProps/core.xml") parts.set(path, xml.replace(TITLE_TOKEN, w.esc(doc.meta.title)).replace(CREATOR_TOKEN, w.esc(doc.meta.author ?? "edih")));
    else parts.set(path, xml);
  }
  return parts;
}

/** A list instance: its definition, numbered from 1 at every level. */
function concreteList(list: Body["lists"][number]): string {
  const levels = [0, 1, 2].map((l) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="1"/></w:lvlOverride>`).join("");
  return `<w:num w:numId="${list.numId}"><w:abstractNumId w:val="${ABSTRACT_NUM_IDS[list.reference]}"/>${levels}</w:num>`;
}

/**
 * The links' relationships go before the font table's, the last one, which is numbered after them
 * (docx's order: the parts it had made before the body, the body's links, then the font table).
 */
function links(rels: string, targets: readonly string[]): string {
  if (!targets.length) return rels;
  const last = /<Relationship Id="rId(\d+)"(?=[^>]*Target="fontTable\.xml")/.exec(rels);
  if (!last) throw new Error("docx wrote word/_rels/document.xml.rels without the font table");
  const items = targets.map((url, i) =>
    `<Relationship Id="rIdx${i + 1}" Type="${HYPERLINK}" Target="${w.esc(url)}" TargetMode="External"/>`);
  return rels.slice(0, last.index) + items.join("") + `<Relationship Id="rId${Number(last[1]) + targets.length}"` + rels.slice(last.index + last[0].length);
}

const OPEN_BOOKMARK = new RegExp(`<w:bookmark(Start|End) ([^>]*?)w:id="${OPEN_ID}"`, "g");

/** Bookmarks are numbered in the order they start; an end closes the innermost open one. */
function numberBookmarks(xml: string): string {
  let next = 0;
  const open: number[] = [];
  return xml.replace(OPEN_BOOKMARK, (_m, kind: string, attrs: string) => {
    const id = kind === "Start" ? (open.push(++next), next) : open.pop() ?? 0;
    return `<w:bookmark${kind} ${attrs}w:id="${id}"`;
  });
}

function documentXml(frame: Frame, body: Body, layout: DocxLayout | undefined): string {
  const headings: { index: number; level: number; text: string }[] = [];
  body.blocks.forEach((b, index) => {
    if (b.kind === "p" && b.heading !== undefined && b.heading <= HEADING_LEVELS_IN_CONTENTS) {
      const text = paraText(b);
      if (text.trim() !== "") headings.push({ index, level: b.heading, text });
    }
  });
  const hasToc = body.blocks.some((b) => b.kind === "toc");
  const bookmarked = new Map<number, string>(hasToc ? headings.map((h, i) => [h.index, `_Toc${i + 1}`]) : []);
  // The PDF's page numbers are printed only when its headings and these match one to one.
  const pages = layout && layout.headingPages.length === headings.length ? layout.headingPages : undefined;
  let xml = "";
  body.blocks.forEach((b, index) => {
    if (b.kind === "xml") xml += b.xml;
    else if (b.kind === "toc") xml += contents(b.title, headings.map((h, i) => ({ ...h, bookmark: `_Toc${i + 1}`, page: pages?.[i] })), body.width);
    else {
      const name = bookmarked.get(index);
      // A heading the contents list is bookmarked around its runs, for its entry's link and page.
      xml += writePara(name === undefined ? b : { ...b, inlines: [markStart(name), ...b.inlines, markEnd()] });
    }
  });
  return `${frame.documentStart}${numberBookmarks(xml)}${frame.sectPr}</w:body></w:document>`;
}

/**
 * The table of contents: a TOC field whose result is written out, one entry per heading 1-2,
 * each a link to its heading's bookmark with the page number of the PDF (blank when unknown).
 */
function contents(title: string, entries: { level: number; text: string; bookmark: string; page: number | undefined }[], width: number): string {
  const props = `<w:sdtPr><w:alias w:val="${w.esc(title)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>`;
  const begin = `<w:r>${w.fieldChar("begin")}${w.instrText(`TOC \\h \\o "1-${HEADING_LEVELS_IN_CONTENTS}"`)}${w.fieldChar("separate")}</w:r>`;
  const end = `<w:p><w:r>${w.fieldChar("end")}</w:r></w:p>`;
  if (!entries.length) return `<w:sdt>${props}<w:sdtContent><w:p>${begin}</w:p>${end}</w:sdtContent></w:sdt>`;
  const items = entries.map((e, i) => {
    const tab = `<w:tab w:val="right" w:pos="${width}" w:leader="dot"/>`;
    const page = `<w:r>${w.fieldChar("begin")}${w.instrText(`PAGEREF ${e.bookmark} \\h`)}${w.fieldChar("separate")}${e.page === undefined ? "" : w.text(String(e.page))}${w.fieldChar("end")}</w:r>`;
    const link = `<w:hyperlink w:history="1" w:anchor="${e.bookmark}"><w:r>${w.text(e.text.replace(/\t/g, " ").replace(/\n/g, " "))}</w:r><w:r><w:tab/></w:r>${page}</w:hyperlink>`;
    return w.paragraph({ style: `TOC${e.level}`, tabs: tab }, (i === 0 ? begin : "") + link);
  });
  return `<w:sdt>${props}<w:sdtContent>${items.join("")}${end}</w:sdtContent></w:sdt>`;
}

function headerXml(frame: Frame, doc: RenderedDocument, draftMark: string | undefined): string {
  let xml = "";
  if (draftMark) xml += w.paragraph({ alignment: "center" }, w.run({ bold: true, color: COLORS.draftMark, size: SIZES.draftMark * 2 }, w.text(draftMark)));
  xml += w.paragraph({ alignment: "right" }, w.run({ color: COLORS.pageHeader, size: SIZES.pageHeader * 2 }, w.text(doc.meta.title)));
  return `${frame.headerStart}${xml}</w:hdr>`;
}

/** "Page N of M": M is the PDF's page count when the document was laid out, else Word's to fill in. */
function footerXml(frame: Frame, labels: Readonly<Record<string, string>>, layout: DocxLayout | undefined): string {
  const size = { size: SIZES.footer * 2 };
  const r = (content: string) => w.run(size, content);
  const field = (instruction: string, result?: string) => r(w.fieldChar("begin")) + r(w.instrText(instruction))
    + r(w.fieldChar("separate") + (result === undefined ? "" : w.text(result))) + r(w.fieldChar("end"));
  const runs = r(w.text(`${labelOf(labels, "page")} `)) + field("PAGE") + r(w.text(` ${labelOf(labels, "of")} `))
    + field("NUMPAGES", layout ? String(layout.pages) : undefined);
  return `${frame.footerStart}${w.paragraph({ alignment: "center" }, runs)}</w:ftr>`;
}

