/**
 * The parts of a DOCX that do not depend on its content: styles, theme, settings, font table,
 * notes, numbering definitions, content types, relationships, and the opening tags of the body,
 * header and footer. docx makes them, for a document with nothing in it, once per setting (density,
 * language, laid out or not): at build time for every setting edih uses (frame-store.ts), else once
 * per process. Each document then writes only its own parts (package.ts).
 */
import type { IStylesOptions } from "docx";
import { COLORS, langTag, NORMAL_DENSITY, SIZES, TIGHTER, twips, type Density } from "../theme.js";
import { DOCX_FONT } from "../fonts.js";
import { FILL_LABEL_STYLE, FILL_LABEL_STYLE_NAME } from "./slot-marks.js";
import { normalizedXml, type Parts } from "./normalize.js";
import { PAGE, KEY_VALUE_STYLE, TABLE_STYLE } from "./body.js";

export interface FrameKey {
  density: Density;
  /** The document's language tag (bg-BG, en-GB). */
  lang: string;
  /** Laid out by the PDF's layout: its page numbers are written in, and Word is not asked to update fields. */
  layout: boolean;
}

export interface Frame {
  /** Every part in zip order, normalised; core.xml holds TITLE_TOKEN and CREATOR_TOKEN. */
  parts: ReadonlyMap<string, string>;
  /** word/document.xml up to and including `<w:body>`. */
  documentStart: string;
  /** The section's properties (page size, margins, header and footer), the body's last element. */
  sectPr: string;
  headerStart: string;
  footerStart: string;
}

/** docx numbers the abstract lists from 1, its default bullets first, then the config's in order. */
export const ABSTRACT_NUM_IDS: Record<ListReference, number> = { "edih-bullet": 2, "edih-decimal": 3 };

export const TITLE_TOKEN = "EDIH-FRAME-TITLE";
export const CREATOR_TOKEN = "EDIH-FRAME-CREATOR";

const LISTS = ["edih-bullet", "edih-decimal"] as const;
type ListReference = (typeof LISTS)[number];

const frames = new Map<string, Promise<Frame>>();
const KEEP = 16;

export function documentFrame(key: FrameKey): Promise<Frame> {
  const id = JSON.stringify(key);
  let frame = frames.get(id);
  if (!frame) {
    frame = frameParts(key).then(frameOf);
    if (frames.size >= KEEP) frames.delete(frames.keys().next().value!);
    frames.set(id, frame);
  }
  return frame;
}

/** Every setting a document is written with: the build step makes each one's frame ahead of time (frame-store.ts). */
export const FRAME_KEYS: readonly FrameKey[] = [NORMAL_DENSITY, ...TIGHTER].flatMap((density) =>
  (["bg", "en"] as const).map(langTag).flatMap((lang) => [true, false].map((layout) => ({ density, lang, layout }))));

/**
 * Everything docx is given for a frame, as plain data (the header's and footer's one empty
 * paragraph aside): what a stored frame was made from, so a stored frame is used only for the very
 * same options (frame-store.ts).
 */
export function frameOptions(key: FrameKey) {
  const margin = twips(key.density.margin);
  return {
    creator: CREATOR_TOKEN,
    lastModifiedBy: "edih",
    title: TITLE_TOKEN,
    description: "edih",
    revision: 1,
    // No "update fields on open" for a laid-out document: Word would ask on every open. Its table
    // of contents and page count carry the PDF's numbers instead (docs/TEMPLATES.md).
    ...(key.layout ? {} : { features: { updateFields: true } }),
    // Body text is justified and hyphenated in the document's language, as in the PDF.
    hyphenation: { autoHyphenation: true },
    // A justified line that ends in a line break is not stretched across the page ("Place:      Sofia"),
    // as in Typst; without this Word and LibreOffice spread a place-and-date line over the whole width.
    compatibility: { doNotExpandShiftReturn: true },
    styles: documentStyles(key.density, key.lang),
    numbering: { config: LISTS.map((reference) => ({ reference, levels: levels(reference === "edih-bullet" ? "bullet" : "decimal") })) },
    page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: margin, bottom: margin, left: margin, right: margin } },
    extraStyles: tableStyleXml(),
  };
}

async function frameParts(key: FrameKey): Promise<ReadonlyMap<string, string>> {
  const options = frameOptions(key);
  const { storedFrame } = await import("./frame-store.js");
  return storedFrame(options) ?? makeFrameParts(options);
}

/** docx's parts for a document with nothing in it, normalised. */
export async function makeFrameParts(options: ReturnType<typeof frameOptions>): Promise<Map<string, string>> {
  const { Document, Footer, Header, Packer, Paragraph } = await import("docx");
  const { page, extraStyles, ...document } = options;
  const file = new Document({
    ...document,
    sections: [{
      properties: { page },
      headers: { default: new Header({ children: [new Paragraph({})] }) },
      footers: { default: new Footer({ children: [new Paragraph({})] }) },
      children: [],
    }],
  });
  const compiler = (Packer as unknown as { compiler: { compile(file: object, prettify: undefined, overrides: readonly unknown[]): Parts } }).compiler;
  return normalizedXml(compiler.compile(file, undefined, []), { extraStyles });
}

const before = (xml: string, re: RegExp, part: string): string => {
  const m = re.exec(xml);
  if (!m) throw new Error(`docx wrote ${part} in a form edih does not know`);
  return xml.slice(0, m.index + m[0].length);
};

function frameOf(parts: ReadonlyMap<string, string>): Frame {
  const document = parts.get("word/document.xml") ?? "";
  const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)?.[0];
  if (!sectPr) throw new Error("docx wrote word/document.xml without the section's properties");
  return {
    parts,
    documentStart: before(document, /<w:body>/, "word/document.xml"),
    sectPr,
    headerStart: before(parts.get("word/header1.xml") ?? "", /<w:hdr\b[^>]*>/, "word/header1.xml"),
    footerStart: before(parts.get("word/footer1.xml") ?? "", /<w:ftr\b[^>]*>/, "word/footer1.xml"),
  };
}

function levels(format: "bullet" | "decimal") {
  const bullets = ["•", "◦", "▪"];
  return [0, 1, 2].map((level) => ({
    level,
    format: format === "bullet" ? "bullet" as const : "decimal" as const,
    text: format === "bullet" ? bullets[level]! : `%${level + 1}.`,
    alignment: "left" as const,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/**
 * The styles of a document: docx's defaults with edih's body text (size, paragraph gap, language
 * of the density and document) and headings.
 */
function documentStyles(density: Density, lang: string): IStylesOptions {
  const heading = (id: string, name: string, size: number, level: number) => ({
    id, name, basedOn: "Normal", next: "Normal", quickFormat: true,
    run: { font: DOCX_FONT, size: size * 2, bold: true, color: COLORS.heading },
    // outlineLevel is what lets Word and LibreOffice rebuild the TOC from these headings.
    paragraph: { outlineLevel: level, keepNext: true, keepLines: true, alignment: "left" as const, spacing: { before: 240, after: 120 } },
  });
  return {
    default: { document: { run: { font: DOCX_FONT, size: density.size * 2, language: { value: lang } }, // lineRule is written out: without it LibreOffice lays big Title lines over each other.
      paragraph: { alignment: "both" as const, spacing: { after: twips(density.paragraphGap), line: 276, lineRule: "auto" as const } } } },
    paragraphStyles: [
      { id: "Title", name: "Title", basedOn: "Normal", next: "Normal", quickFormat: true,
        run: { font: DOCX_FONT, size: SIZES.title * 2, bold: true, color: COLORS.heading }, paragraph: { alignment: "left" as const, spacing: { after: 240 } } },
      { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true,
        run: { font: DOCX_FONT, size: SIZES.subtitle * 2, color: COLORS.subtitle }, paragraph: { alignment: "left" as const, spacing: { after: 240 } } },
      heading("Heading1", "Heading 1", SIZES.h1, 0),
      heading("Heading2", "Heading 2", SIZES.h2, 1),
      heading("Heading3", "Heading 3", SIZES.h3, 2),
      { id: FILL_LABEL_STYLE, name: FILL_LABEL_STYLE_NAME, basedOn: "Normal", next: "Normal" },
    ],
  };
}

/**
 * The named table style every generated table uses: thin grey grid, 4 pt cell margins (the PDF's
 * padding), a shaded bold header row that repeats on each page. docx has no builder for table
 * styles (its `importedStyles` replaces the default ones), so the XML is added to styles.xml.
 */
export const tableStyleXml = (): string => {
  const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${COLORS.grid}"/>`;
  const style = (id: string, name: string, firstRow: string) => `<w:style w:type="table" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:uiPriority w:val="59"/>`
    // Cells are not hyphenated: the column plan keeps every word whole, as the PDF's tables do.
    + `<w:pPr><w:suppressAutoHyphens/><w:spacing w:before="0" w:after="0"/></w:pPr>`
    + `<w:tblPr><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(line).join("")}</w:tblBorders>`
    + `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>`
    + `${firstRow}</w:style>`;
  return style(TABLE_STYLE, "EDIH Table", `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:trPr><w:tblHeader/></w:trPr>`
    + `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${COLORS.headerShade}"/></w:tcPr></w:tblStylePr>`)
    + style(KEY_VALUE_STYLE, "EDIH Key-Value Table", "");
};
