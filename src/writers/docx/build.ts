import {
  AlignmentType, BookmarkEnd, BookmarkStart, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, LevelFormat, LineRuleType,
  PageBreak, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableOfContents, TableRow, TextRun, WidthType,
  type IParagraphOptions, type IStylesOptions, type ParagraphChild,
} from "docx";
import type { ListItem, PhrasingContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import type { RenderedDocument } from "../../render/index.js";
import { approximateMeasure, groupPlans, keyValuePlan, planTable, TABLE_FONT, tableTexts, toUnits, type Measure, type PlanOptions, type TablePlan } from "../columns.js";
import { closingGroups, FILL_KEEP_CHARS, isSignatures, keepsWithNext } from "../keep.js";
import { DOCX_FONT } from "../fonts.js";
import { COLORS, labelOf, NORMAL_DENSITY, PAGE as PAGE_PT, SIZES, twips, type Density, type FallbackLabel } from "../theme.js";
import { directiveHandler, dispatch, textOf, type DirectiveHandlers, type DocNode, type Handlers } from "../../render/tree.js";
import { isFilled } from "../../render/slots.js";
import { toBlocks, type Piece as Pieces } from "../pieces.js";
import { shareFixedParts } from "./shared-parts.js";
import { FILL_LABEL_STYLE, FILL_LABEL_STYLE_NAME, SLOT_END_PREFIX, slotBookmarkName } from "./slot-marks.js";

const FILL_SHADE = COLORS.fillShade;
const FILL_BORDER = COLORS.fillBorder;
const HEADER_SHADE = COLORS.headerShade;
/** A4, in twentieths of a point. */
const PAGE = { width: twips(PAGE_PT.widthPt), height: twips(PAGE_PT.heightPt) };
const TABLE_STYLE = "EdihTable";
/** A key–value table: the grid of EdihTable without the header row's look. */
const KEY_VALUE_STYLE = "EdihKeyValueTable";
const label = (ctx: Ctx, key: FallbackLabel) => labelOf(ctx.labels, key);

/**
 * The named table style every generated table uses: thin grey grid, 4 pt cell margins (the PDF's
 * padding), a shaded bold header row that repeats on each page. docx has no builder for table
 * styles (its `importedStyles` replaces the default ones), so the XML is added to styles.xml after packing.
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
    + `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${HEADER_SHADE}"/></w:tcPr></w:tblStylePr>`)
    + style(KEY_VALUE_STYLE, "EDIH Key-Value Table", "");
};

type Block = Paragraph | Table | TableOfContents;
type Piece = Pieces<Block, ParagraphChild>;

interface Ctx {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  mono: boolean;
  link?: boolean;
  /** Shading of runs (fill boxes, blanks). */
  shade?: string;
  /** Merged into every paragraph created under this node (indent, borders of quotes and fill boxes). */
  para: Partial<IParagraphOptions>;
  /** Numbering of the innermost list item, applied to its first paragraph only. */
  numbering?: { reference: string; level: number; instance: number };
  listLevel: number;
  /** Font size of runs in half-points when not the document's (tables). */
  size?: number;
  labels: Record<string, string>;
  measure: Measure;
  /** Width of the text column in twips. */
  width: number;
  /** Column plans shared by the key–value tables of a group (work-package headers). */
  plans: ReadonlyMap<string, TablePlan>;
  /** Set inside `:::key-value`: the tables there have no header row. */
  keyValue?: { group?: string };
  state: { listInstance: number; bookmarks: number };
}

const planOptions = (ctx: Pick<Ctx, "width" | "measure">): PlanOptions =>
  ({ width: ctx.width / 20, padding: TABLE_FONT.padding, fontSize: TABLE_FONT.size, minFontSize: TABLE_FONT.min, measure: ctx.measure });

const blocks = (pieces: Piece[], ctx: Ctx): Block[] => toBlocks(pieces, (run) => paragraph(run, ctx));

function paragraph(children: ParagraphChild[], ctx: Ctx, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ ...ctx.para, ...(ctx.numbering ? { numbering: ctx.numbering } : {}), ...extra, children });
}

function run(text: string, ctx: Ctx, extra: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({
    text, bold: extra.bold ?? ctx.bold, italics: ctx.italic, strike: ctx.strike || undefined,
    ...(ctx.mono ? { font: "Courier New" } : {}), ...(ctx.link ? { color: COLORS.link, underline: {} } : {}), ...(extra.size ?? ctx.size ? { size: extra.size ?? ctx.size } : {}), ...(extra.color ? { color: extra.color } : {}),
    ...(ctx.shade ? { shading: { type: ShadingType.CLEAR, fill: ctx.shade, color: "auto" } } : {}),
  });
}

function renderAll(nodes: readonly DocNode[], ctx: Ctx): Piece[] {
  const closing = closingGroups(nodes);
  return nodes.flatMap((n, i) => {
    const next = nodes[i + 1];
    // An intro ("Services provided:") stays on the page of what follows; the closing lines and the
    // text before them stay on the page of the signatures.
    const keep = keepsWithNext(n, next) || closing[i] || (n.type === "paragraph" && isSignatures(next));
    return dispatch(handlers, n, keep ? { ...ctx, para: { ...ctx.para, keepNext: true, keepLines: true } } : ctx);
  });
}

function inlines(nodes: readonly PhrasingContent[], ctx: Ctx): ParagraphChild[] {
  return renderAll(nodes, ctx).flatMap((p) => ("inline" in p ? [p.inline] : []));
}

const inlineText = (text: string, ctx: Ctx): Piece[] => [{ inline: run(text, ctx) }];

const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

function listItemPieces(item: ListItem, ctx: Ctx, numbering: Ctx["numbering"]): Piece[] {
  const indent = { left: 720 * (ctx.listLevel + 1), hanging: 360 };
  const out: Piece[] = [];
  item.children.forEach((child, i) => {
    const c: Ctx = { ...ctx, para: { ...ctx.para, indent: i === 0 ? ctx.para.indent : { left: indent.left } },
      numbering: i === 0 ? numbering : undefined, listLevel: ctx.listLevel + 1 };
    // A loose paragraph after the first continues the item, so it gets the item's indent but no number.
    out.push(...blocks(dispatch(handlers, child, c), c).map((block) => ({ block })));
  });
  return out;
}

function fillBox(node: ContainerDirective, ctx: Ctx): Piece[] {
  // A slot with narrative (data.filled, set by the build) is plain text: no box, no label.
  if (isFilled(node)) return renderAll(node.children, ctx);
  const border = { style: BorderStyle.SINGLE, size: 8, color: FILL_BORDER, space: 4 };
  const c: Ctx = { ...ctx, shade: FILL_SHADE, para: { ...ctx.para,
    shading: { type: ShadingType.CLEAR, fill: FILL_SHADE, color: "auto" },
    border: { top: border, bottom: border, left: border, right: border } } };
  // A short box stays on one page: every paragraph but the last keeps with the next one.
  const keep = textOf(node).length < FILL_KEEP_CHARS;
  const held: Ctx = keep ? { ...c, para: { ...c.para, keepNext: true, keepLines: true } } : c;
  // Its own style, so `narrative pull` leaves the label out of what the person wrote.
  const head: Piece = { block: paragraph([run(`${label(ctx, "fill")}:`, c, { bold: true })], held, { style: FILL_LABEL_STYLE }) };
  const kids = node.children;
  const body = kids.flatMap((k, i) => {
    // The last paragraph keeps with the next block only when the box is in a closing group (ctx.para says so).
    const kc = i < kids.length - 1 ? held : keep ? { ...c, para: { ...c.para, keepLines: true } } : c;
    return blocks(dispatch(handlers, k, kc), kc);
  });
  return [head, ...body.map((block) => ({ block }))];
}

/**
 * A slot (`:::fill{#id}`) is wrapped in a bookmark named after it: the one mark Word and
 * LibreOffice 7.4 both keep through an edit and a save (LibreOffice turns a block content
 * control into an inline one and drops its tag). Start in the first paragraph, end in the last.
 */
function markSlot(node: ContainerDirective, ctx: Ctx, pieces: Piece[]): Piece[] {
  const id = node.attributes?.id;
  if (!id) return pieces;
  const out = blocks(pieces, ctx);
  // Ids far above docx's own counter; normalizeDocx renumbers all bookmarks in document order.
  const link = 1_000_000 + ++ctx.state.bookmarks;
  const start = new BookmarkStart(slotBookmarkName(id), link) as unknown as ParagraphChild;
  const end = new BookmarkEnd(link) as unknown as ParagraphChild;
  // A slot that starts (or ends) with a table gets an empty paragraph to carry the mark.
  if (!(out[0] instanceof Paragraph)) out.unshift(new Paragraph({ children: [] }));
  if (!(out[out.length - 1] instanceof Paragraph)) out.push(new Paragraph({ children: [] }));
  out[0] = withChildren(out[0] as Paragraph, [start], []);
  out[out.length - 1] = withChildren(out[out.length - 1] as Paragraph, [], [end]);
  // Placeholder for the end mark, moved into the paragraph that follows by placeSlotEnds.
  const after = new Paragraph({ children: [] });
  slotEnds.set(after, id);
  out.push(after);
  return out.map((block) => ({ block }));
}

const slotEnds = new WeakMap<Block, string>();

/**
 * Puts each slot's end mark (a point bookmark) at the start of the paragraph after the slot; where
 * a table follows, an empty paragraph before it carries the mark.
 */
function placeSlotEnds(body: Block[], state: Ctx["state"]): Block[] {
  const out: Block[] = [];
  let pending: ParagraphChild[] = [];
  for (const block of body) {
    const id = slotEnds.get(block);
    if (id !== undefined) {
      const link = 1_000_000 + ++state.bookmarks;
      pending.push(new BookmarkStart(slotBookmarkName(id, SLOT_END_PREFIX), link) as unknown as ParagraphChild,
        new BookmarkEnd(link) as unknown as ParagraphChild);
      continue;
    }
    if (pending.length) {
      out.push(block instanceof Paragraph ? withChildren(block, pending, []) : new Paragraph({ children: pending }));
      if (!(block instanceof Paragraph)) out.push(block);
      pending = [];
      continue;
    }
    out.push(block);
  }
  // Nothing follows the last slot: it runs to the end of the document (LibreOffice drops a mark
  // in a last empty paragraph anyway).
  return out;
}

/** The same paragraph with marks added before and after its runs. */
function withChildren(p: Paragraph, before: ParagraphChild[], after: ParagraphChild[]): Paragraph {
  return new Paragraph({ ...p.options, children: [...before, ...(p.options.children ?? []), ...after] });
}

const directives: DirectiveHandlers<Ctx, Piece[]> = {
  "page-break": () => [{ block: new Paragraph({ children: [new PageBreak()] }) }],
  toc: (_n, ctx) => [
    // Not a heading style: the TOC must not list its own title.
    { block: new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: label(ctx, "contents"), bold: true, size: SIZES.h1 * 2, color: COLORS.heading })] }) },
    // Entries for every heading 1-2, each with the page the PDF's layout put it on (buildDocx's
    // pageNumbers): written clean, so Word opens it without asking to update fields.
    { block: new TableOfContents(label(ctx, "contents"), { hyperlink: true, headingStyleRange: "1-2" }) },
  ],
  fill: (node, ctx) => markSlot(node, ctx, fillBox(node, ctx)),
  signatures: (node, ctx) => {
    const items = node.children.flatMap((n) => (n.type === "list" ? n.children : []));
    const rows = items.map((item) => {
      const first = item.children[0];
      const who = first && first.type === "paragraph" ? inlines(first.children, ctx) : [run(textOf(item), ctx)];
      const small = { size: SIZES.caption * 2, color: COLORS.caption };
      return new TableRow({ cantSplit: true, children: [
        new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none },
          children: [new Paragraph({ spacing: { before: 360 }, alignment: AlignmentType.LEFT, children: who })] }),
        new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none },
          children: [
            new Paragraph({ spacing: { before: 720 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } }, children: [] }),
            new Paragraph({ children: [run(`${label(ctx, "signature")} / ${label(ctx, "date")}`, ctx, small)] }),
          ] }),
      ] });
    });
    if (!rows.length) return [];
    return [{ block: new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [ctx.width / 2, ctx.width / 2],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none } }) }];
  },
  "key-value": (node, ctx) => renderAll(node.children, { ...ctx, keyValue: { ...(node.attributes?.group ? { group: node.attributes.group } : {}) } }),
  blank: (node, ctx) => inlineText(`[…${textOf(node)}…]`, { ...ctx, shade: FILL_SHADE, italic: true }),
};

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

const handlers: Handlers<Ctx, Piece[]> = {
  root: (n, ctx) => renderAll(n.children, ctx),
  paragraph: (n, ctx) => [{ block: paragraph(inlines(n.children, ctx), ctx) }],
  heading: (n, ctx) => [{ block: new Paragraph({ heading: HEADINGS[Math.min(n.depth, 3) - 1], children: inlines(n.children, { ...ctx, bold: false }) }) }],
  text: (n, ctx) => inlineText(n.value.replace(/[ \t]*\r?\n[ \t]*/g, " "), ctx),
  strong: (n, ctx) => renderAll(n.children, { ...ctx, bold: true }),
  emphasis: (n, ctx) => renderAll(n.children, { ...ctx, italic: true }),
  delete: (n, ctx) => renderAll(n.children, { ...ctx, strike: true }),
  inlineCode: (n, ctx) => inlineText(n.value, { ...ctx, mono: true }),
  break: () => [{ inline: new TextRun({ break: 1 }) }],
  link: (n, ctx) => [{ inline: new ExternalHyperlink({ link: n.url, children: inlines(n.children, { ...ctx, link: true }) as TextRun[] }) }],
  // Raw HTML is shown as the text it is: templates cannot inject markup into a Word file.
  html: (n, ctx) => inlineText(n.value, ctx),
  image: (n, ctx) => inlineText(`[${n.alt ?? ""}]`, ctx),
  imageReference: (n, ctx) => inlineText(`[${n.alt ?? ""}]`, ctx),
  linkReference: (n, ctx) => renderAll(n.children, ctx),
  footnoteReference: (n, ctx) => inlineText(`[${n.label ?? n.identifier}]`, ctx),
  footnoteDefinition: (n, ctx) => renderAll(n.children, ctx),
  definition: () => [],
  yaml: () => [],
  code: (n, ctx) => n.value.split("\n").map((line) => ({ block: paragraph([run(line, { ...ctx, mono: true })], ctx, { alignment: AlignmentType.LEFT }) })),
  thematicBreak: () => [{ block: new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.grid, space: 1 } }, children: [] }) }],
  blockquote: (n, ctx) => {
    const c: Ctx = { ...ctx, para: { ...ctx.para, indent: { left: 567 },
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: COLORS.quoteRule, space: 8 } } } };
    return blocks(renderAll(n.children, c), c).map((block) => ({ block }));
  },
  list: (n, ctx) => {
    ctx.state.listInstance++;
    const numbering = { reference: n.ordered ? "edih-decimal" : "edih-bullet", level: Math.min(ctx.listLevel, 2), instance: ctx.state.listInstance };
    return n.children.flatMap((item) => listItemPieces(item, ctx, numbering));
  },
  listItem: (n, ctx) => listItemPieces(n, ctx, undefined),
  table: (n, ctx) => {
    const kv = ctx.keyValue;
    const plan = kv ? keyValuePlan(n, ctx.plans, kv.group, planOptions(ctx)) : planTable(tableTexts(n), planOptions(ctx));
    const widths = toUnits(plan.fractions, ctx.width);
    const size = Math.round(plan.fontSize * 2);
    // A key–value table has no header row: nothing shaded, nothing repeated on the next page; its keys are bold.
    const header = (ri: number) => !kv && ri === 0;
    const rows = n.children.map((r, ri) => new TableRow({
      ...(kv ? {} : { tableHeader: ri === 0 }), cantSplit: true,
      children: widths.map((width, ci) => {
        const cell = r.children[ci];
        const align = n.align?.[ci];
        const c: Ctx = { ...ctx, bold: header(ri) || (kv !== undefined && ci === 0) || ctx.bold, size, keyValue: undefined, para: {
          spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO },
          alignment: align === "right" ? AlignmentType.RIGHT : align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT } };
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          // Shading is also in the table style; written here too for readers that ignore conditional styles.
          ...(header(ri) ? { shading: { type: ShadingType.CLEAR, fill: HEADER_SHADE, color: "auto" } } : {}),
          children: [paragraph(cell ? inlines(cell.children, c) : [], c)],
        });
      }),
    }));
    return [{ block: new Table({ rows, style: kv ? KEY_VALUE_STYLE : TABLE_STYLE, layout: TableLayoutType.FIXED, width: { size: ctx.width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      columnWidths: widths }) },
    // Word glues two adjacent tables into one; an empty paragraph keeps them apart.
    { block: new Paragraph({ children: [] }) }];
  },
  tableRow: (n, ctx) => renderAll(n.children, ctx),
  tableCell: (n, ctx) => renderAll(n.children, ctx),
  containerDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  leafDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  textDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
};

function levels(format: "bullet" | "decimal") {
  const bullets = ["•", "◦", "▪"];
  return [0, 1, 2].map((level) => ({
    level,
    format: format === "bullet" ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === "bullet" ? bullets[level]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** What the PDF's layout (writers/layout.ts) tells the DOCX, so both formats look and paginate alike. */
export interface DocxLayout {
  density: Density;
  /** Page of each heading 1-2 in document order, as the PDF has them; printed in the table of contents. */
  headingPages: readonly number[];
  pages: number;
}

/** Names of the bookmarks docx put on the headings its table of contents lists, in document order. */
function tocBookmarks(node: unknown, out: string[] = []): string[] {
  // The whole prepared body of Part B is walked: no entry arrays, and text leaves are not entered.
  if (Array.isArray(node)) {
    for (const x of node) if (x !== null && typeof x === "object") tocBookmarks(x, out);
  } else if (node && typeof node === "object") {
    const obj = node as Record<string, unknown>;
    for (const key in obj) {
      if (key === "_attr" || !Object.hasOwn(obj, key)) continue;
      const value = obj[key];
      if (key === "w:bookmarkStart") {
        const holder = Array.isArray(value) ? value.find((v) => v && typeof v === "object" && "_attr" in v) : value;
        const name = (holder as { _attr?: Record<string, unknown> } | undefined)?._attr?.["w:name"];
        if (typeof name === "string" && name.startsWith("_Toc")) out.push(name);
      } else if (value !== null && typeof value === "object") tocBookmarks(value, out);
    }
  }
  return out;
}

/**
 * Page numbers of the PDF's layout for docx's table of contents and NUMPAGES field. Given only when
 * the headings match one to one; otherwise the entries are left without numbers for Word to fill in.
 */
function pdfPageNumbers(layout: DocxLayout) {
  return (body: unknown) => {
    const names = tocBookmarks(body);
    const pages = names.length === layout.headingPages.length ? layout.headingPages : [];
    return { bookmarks: new Map(pages.map((p, i) => [names[i]!, String(p)])), pageCount: layout.pages };
  };
}

export function buildDocx(doc: RenderedDocument, opts: { draftMark?: string; measure?: Measure; layout?: DocxLayout } = {}): Document {
  const labels = doc.labels;
  const density = opts.layout?.density ?? NORMAL_DENSITY;
  const margin = twips(density.margin);
  const base = { measure: opts.measure ?? approximateMeasure, width: PAGE.width - 2 * margin };
  const ctx: Ctx = { bold: false, italic: false, strike: false, mono: false, para: {}, listLevel: 0, labels, ...base,
    plans: groupPlans(doc.tree, planOptions(base)), state: { listInstance: 0, bookmarks: 0 } };
  const lang = doc.meta.lang === "bg" ? "bg-BG" : "en-GB";
  const titleBlocks: Block[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.meta.title)] })];
  if (doc.meta.subtitle) titleBlocks.push(new Paragraph({ style: "Subtitle", children: [new TextRun(doc.meta.subtitle)] }));
  const body = placeSlotEnds(blocks(dispatch(handlers, doc.tree, ctx), ctx), ctx.state);

  const headerChildren: Paragraph[] = [];
  if (opts.draftMark) {
    headerChildren.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: opts.draftMark, bold: true, color: COLORS.draftMark, size: SIZES.draftMark * 2 })] }));
  }
  headerChildren.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.meta.title, size: SIZES.pageHeader * 2, color: COLORS.pageHeader })] }));

  const styles = documentStyles(density, lang);
  const file = new Document({
    creator: doc.meta.author ?? "edih",
    lastModifiedBy: "edih",
    title: doc.meta.title,
    description: "edih",
    revision: 1,
    // No "update fields on open": Word would ask on every open. The table of contents carries the
    // PDF's page numbers instead (docs/TEMPLATES.md, "Table of contents in DOCX").
    ...(opts.layout ? { pageNumbers: pdfPageNumbers(opts.layout) as never } : { features: { updateFields: true } }),
    // Body text is justified and hyphenated in the document's language, as in the PDF.
    hyphenation: { autoHyphenation: true },
    // A justified line that ends in a line break is not stretched across the page ("Place:      Sofia"),
    // as in Typst; without this Word and LibreOffice spread a place-and-date line over the whole width.
    compatibility: { doNotExpandShiftReturn: true },
    styles,
    numbering: { config: [
      { reference: "edih-bullet", levels: levels("bullet") },
      { reference: "edih-decimal", levels: levels("decimal") },
    ] },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height },
        margin: { top: margin, bottom: margin, left: margin, right: margin } } },
      headers: { default: new Header({ children: headerChildren }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [
        new TextRun({ size: SIZES.footer * 2, children: [`${labelOf(labels, "page")} `, PageNumber.CURRENT, ` ${labelOf(labels, "of")} `, PageNumber.TOTAL_PAGES] }),
      ] })] }) },
      children: [...titleBlocks, ...body],
    }],
  });
  return shareFixedParts(file, styles);
}

/**
 * The styles of a document: docx's defaults with edih's body text (size, paragraph gap, language
 * of the density and document) and headings. A plain value of its inputs, so that documents with
 * the same can share their prepared styles (shared-parts.ts).
 */
function documentStyles(density: Density, lang: string): IStylesOptions {
  const heading = (id: string, name: string, size: number, level: number) => ({
    id, name, basedOn: "Normal", next: "Normal", quickFormat: true,
    run: { font: DOCX_FONT, size: size * 2, bold: true, color: COLORS.heading },
    // outlineLevel is what lets Word and LibreOffice rebuild the TOC from these headings.
    paragraph: { outlineLevel: level, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT, spacing: { before: 240, after: 120 } },
  });
  return {
    default: { document: { run: { font: DOCX_FONT, size: density.size * 2, language: { value: lang } }, // lineRule is written out: without it LibreOffice lays big Title lines over each other.
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: twips(density.paragraphGap), line: 276, lineRule: LineRuleType.AUTO } } } },
    paragraphStyles: [
      { id: "Title", name: "Title", basedOn: "Normal", next: "Normal", quickFormat: true,
        run: { font: DOCX_FONT, size: SIZES.title * 2, bold: true, color: COLORS.heading }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 240 } } },
      { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true,
        run: { font: DOCX_FONT, size: SIZES.subtitle * 2, color: COLORS.subtitle }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 240 } } },
      heading("Heading1", "Heading 1", SIZES.h1, 0),
      heading("Heading2", "Heading 2", SIZES.h2, 1),
      heading("Heading3", "Heading 3", SIZES.h3, 2),
      { id: FILL_LABEL_STYLE, name: FILL_LABEL_STYLE_NAME, basedOn: "Normal", next: "Normal" },
    ],
  };
}
