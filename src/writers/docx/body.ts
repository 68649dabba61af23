/**
 * The DOCX writer's handler map: a rendered document's tree → the blocks of word/document.xml's
 * body (and the hyperlinks and lists it refers to). The PDF writer (pdf/build.ts) is the same map
 * over the same tree, so the two formats cannot disagree about content.
 */
import type { ListItem, PhrasingContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import type { RenderedDocument } from "../../render/index.js";
import { approximateMeasure, groupPlans, keyValuePlan, planTable, TABLE_FONT, tableTexts, toUnits, type Measure, type PlanOptions, type TablePlan } from "../columns.js";
import { closingGroups, FILL_KEEP_CHARS, isSignatures, keepsWithNext } from "../keep.js";
import { COLORS, labelOf, NORMAL_DENSITY, PAGE as PAGE_PT, SIZES, twips, type Density, type FallbackLabel } from "../theme.js";
import { directiveHandler, dispatch, textOf, type DirectiveHandlers, type DocNode, type Handlers } from "../../render/tree.js";
import { isFilled } from "../../render/slots.js";
import { toBlocks, type Piece as Pieces } from "../pieces.js";
import { FILL_LABEL_STYLE, SLOT_END_PREFIX, slotBookmarkName } from "./slot-marks.js";
import * as w from "./wml.js";

/** A4, in twentieths of a point. */
export const PAGE = { width: twips(PAGE_PT.widthPt), height: twips(PAGE_PT.heightPt) };
export const TABLE_STYLE = "EdihTable";
/** A key–value table: the grid of EdihTable without the header row's look. */
export const KEY_VALUE_STYLE = "EdihKeyValueTable";
const HEADING_STYLES = ["Heading1", "Heading2", "Heading3"] as const;
const FILL_SHADE: w.Shading = { type: "clear", fill: COLORS.fillShade, color: "auto" };
const HEADER_SHADE: w.Shading = { type: "clear", fill: COLORS.headerShade, color: "auto" };
const NONE: w.Border = { style: "none", size: 0, color: "FFFFFF" };
const label = (ctx: Ctx, key: FallbackLabel) => labelOf(ctx.labels, key);

/** A run, or a mark between runs (bookmark, link), with the text it shows (for a heading's entry in the contents). */
export interface Inline { xml: string; text: string }

/** A list's identity: which definition, and which instance of it (each list restarts its numbers). */
export interface ListRef { reference: "edih-bullet" | "edih-decimal"; level: number; instance: number }

export interface Para {
  kind: "p";
  props: w.ParagraphProps;
  inlines: Inline[];
  /** Heading level, for the table of contents. */
  heading?: number;
}
/** A table, written out already; or the place of the table of contents, written once the headings are known. */
export type Block = Para | { kind: "xml"; xml: string } | { kind: "toc"; title: string };
type Piece = Pieces<Block, Inline>;

interface Ctx {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  mono: boolean;
  link?: boolean;
  /** Shading of runs (fill boxes, blanks). */
  shade?: w.Shading;
  /** Merged into every paragraph created under this node (indent, borders of quotes and fill boxes). */
  para: Para["props"];
  /** Numbering of the innermost list item, applied to its first paragraph only. */
  numbering?: ListRef;
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
  state: BodyState;
}

interface BodyState {
  listInstance: number;
  /** External links' targets, in document order: each gets a relationship of its own. */
  links: string[];
  numIds: Map<string, number>;
  lists: { numId: number; reference: ListRef["reference"] }[];
}

const planOptions = (ctx: Pick<Ctx, "width" | "measure">): PlanOptions =>
  ({ width: ctx.width / 20, padding: TABLE_FONT.padding, fontSize: TABLE_FONT.size, minFontSize: TABLE_FONT.min, measure: ctx.measure });

const para = (inlines: Inline[], props: Para["props"] = {}, extra: Partial<Para> = {}): Para => ({ kind: "p", props, inlines, ...extra });

const blocks = (pieces: Piece[], ctx: Ctx): Block[] => toBlocks(pieces, (runs) => paragraph(runs, ctx));

function paragraph(inlines: Inline[], ctx: Ctx, extra: Para["props"] = {}): Para {
  const list = ctx.numbering;
  return para(inlines, { ...ctx.para, ...(list ? { numbering: { numId: numIdOf(ctx.state, list), level: list.level } } : {}), ...extra });
}

/**
 * The id of a list's numbering instance: 1 is the default bullets every package has, and the
 * lists are numbered from 2 in the order their first paragraph comes in the document.
 */
function numIdOf(state: BodyState, list: ListRef): number {
  const key = `${list.reference}\n${list.instance}`;
  let id = state.numIds.get(key);
  if (id === undefined) {
    id = state.numIds.size + 2;
    state.numIds.set(key, id);
    state.lists.push({ numId: id, reference: list.reference });
  }
  return id;
}

function runProps(ctx: Ctx, extra: { bold?: boolean; size?: number; color?: string } = {}): w.RunProps {
  const size = extra.size ?? ctx.size;
  return {
    bold: extra.bold ?? ctx.bold, italics: ctx.italic, ...(ctx.strike ? { strike: true } : {}),
    ...(ctx.mono ? { font: "Courier New" } : {}), ...(ctx.link ? { color: COLORS.link, underline: true } : {}),
    ...(size ? { size } : {}), ...(extra.color ? { color: extra.color } : {}), ...(ctx.shade ? { shading: ctx.shade } : {}),
  };
}

const run = (text: string, ctx: Ctx, extra: { bold?: boolean; size?: number; color?: string } = {}): Inline =>
  ({ xml: w.run(runProps(ctx, extra), w.text(text)), text });

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

function inlines(nodes: readonly PhrasingContent[], ctx: Ctx): Inline[] {
  return renderAll(nodes, ctx).flatMap((p) => ("inline" in p ? [p.inline] : []));
}

const inlineText = (text: string, ctx: Ctx): Piece[] => [{ inline: run(text, ctx) }];

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
  const border: w.Border = { style: "single", size: 8, color: COLORS.fillBorder, space: 4 };
  const c: Ctx = { ...ctx, shade: FILL_SHADE, para: { ...ctx.para, shading: FILL_SHADE,
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
 * A bookmark's two ends, their id left open: ids are given in the order bookmarks start once the
 * whole body is written (package.ts numberBookmarks), as the headings' bookmarks join them only then.
 */
export const OPEN_ID = "\u0000";
export const markStart = (name: string): Inline => ({ xml: `<w:bookmarkStart w:name="${w.esc(name)}" w:id="${OPEN_ID}"/>`, text: "" });
export const markEnd = (): Inline => ({ xml: `<w:bookmarkEnd w:id="${OPEN_ID}"/>`, text: "" });

/**
 * A slot (`:::fill{#id}`) is wrapped in a bookmark named after it: the one mark Word and
 * LibreOffice 7.4 both keep through an edit and a save (LibreOffice turns a block content
 * control into an inline one and drops its tag). Start in the first paragraph, end in the last.
 */
function markSlot(node: ContainerDirective, ctx: Ctx, pieces: Piece[]): Piece[] {
  const id = node.attributes?.id;
  if (!id) return pieces;
  const out = blocks(pieces, ctx);
  // A slot that starts (or ends) with a table gets an empty paragraph to carry the mark.
  if (out[0]?.kind !== "p") out.unshift(para([]));
  if (out[out.length - 1]!.kind !== "p") out.push(para([]));
  out[0] = withInlines(out[0] as Para, [markStart(slotBookmarkName(id))], []);
  out[out.length - 1] = withInlines(out[out.length - 1] as Para, [], [markEnd()]);
  // Placeholder for the end mark, moved into the paragraph that follows by placeSlotEnds.
  const after = para([]);
  slotEnds.set(after, id);
  out.push(after);
  return out.map((block) => ({ block }));
}

const slotEnds = new WeakMap<Block, string>();

/**
 * Puts each slot's end mark (a point bookmark) at the start of the paragraph after the slot; where
 * a table follows, an empty paragraph before it carries the mark.
 */
function placeSlotEnds(body: Block[]): Block[] {
  const out: Block[] = [];
  let pending: Inline[] = [];
  for (const block of body) {
    const id = slotEnds.get(block);
    if (id !== undefined) {
      pending.push(markStart(slotBookmarkName(id, SLOT_END_PREFIX)), markEnd());
      continue;
    }
    if (pending.length) {
      out.push(block.kind === "p" ? withInlines(block, pending, []) : para(pending));
      if (block.kind !== "p") out.push(block);
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
const withInlines = (p: Para, before: Inline[], after: Inline[]): Para => ({ ...p, inlines: [...before, ...p.inlines, ...after] });

const directives: DirectiveHandlers<Ctx, Piece[]> = {
  "page-break": () => [{ block: para([{ xml: `<w:r><w:br w:type="page"/></w:r>`, text: "" }]) }],
  toc: (_n, ctx) => [
    // Not a heading style: the TOC must not list its own title.
    { block: para([{ xml: w.run({ bold: true, color: COLORS.heading, size: SIZES.h1 * 2 }, w.text(label(ctx, "contents"))), text: label(ctx, "contents") }],
      { spacing: { before: 240, after: 120 } }) },
    // Entries for every heading 1-2, each with the page the PDF's layout put it on (package.ts
    // contents): written clean, so Word opens it without asking to update fields.
    { block: { kind: "toc", title: label(ctx, "contents") } },
  ],
  fill: (node, ctx) => markSlot(node, ctx, fillBox(node, ctx)),
  signatures: (node, ctx) => {
    const items = node.children.flatMap((n) => (n.type === "list" ? n.children : []));
    const none = { top: NONE, bottom: NONE, left: NONE, right: NONE };
    const cell = (content: string) => `<w:tc><w:tcPr>${w.width("tcW", 2500, "pct")}<w:tcBorders>${w.sides(none)}</w:tcBorders></w:tcPr>${content}</w:tc>`;
    const rows = items.map((item) => {
      const first = item.children[0];
      const who = first && first.type === "paragraph" ? inlines(first.children, ctx) : [run(textOf(item), ctx)];
      const small = { size: SIZES.caption * 2, color: COLORS.caption };
      return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(writePara(para(who, { spacing: { before: 360 }, alignment: "left" })))}${cell(
        writePara(para([], { spacing: { before: 720 }, border: { bottom: { style: "single", size: 6, color: "000000", space: 1 } } }))
        + writePara(para([run(`${label(ctx, "signature")} / ${label(ctx, "date")}`, ctx, small)])))}</w:tr>`;
    });
    if (!rows.length) return [];
    const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => w.border(side, NONE)).join("");
    const half = ctx.width / 2;
    return [{ block: { kind: "xml", xml: `<w:tbl><w:tblPr>${w.width("tblW", 5000, "pct")}<w:tblBorders>${borders}</w:tblBorders></w:tblPr>`
      + `<w:tblGrid><w:gridCol w:w="${half}"/><w:gridCol w:w="${half}"/></w:tblGrid>${rows.join("")}</w:tbl>` } }];
  },
  "key-value": (node, ctx) => renderAll(node.children, { ...ctx, keyValue: { ...(node.attributes?.group ? { group: node.attributes.group } : {}) } }),
  blank: (node, ctx) => inlineText(`[…${textOf(node)}…]`, { ...ctx, shade: FILL_SHADE, italic: true }),
};

const handlers: Handlers<Ctx, Piece[]> = {
  root: (n, ctx) => renderAll(n.children, ctx),
  paragraph: (n, ctx) => [{ block: paragraph(inlines(n.children, ctx), ctx) }],
  heading: (n, ctx) => {
    const level = Math.min(n.depth, 3);
    return [{ block: para(inlines(n.children, { ...ctx, bold: false }), { style: HEADING_STYLES[level - 1] }, { heading: level }) }];
  },
  text: (n, ctx) => inlineText(n.value.replace(/[ \t]*\r?\n[ \t]*/g, " "), ctx),
  strong: (n, ctx) => renderAll(n.children, { ...ctx, bold: true }),
  emphasis: (n, ctx) => renderAll(n.children, { ...ctx, italic: true }),
  delete: (n, ctx) => renderAll(n.children, { ...ctx, strike: true }),
  inlineCode: (n, ctx) => inlineText(n.value, { ...ctx, mono: true }),
  break: () => [{ inline: { xml: "<w:r><w:br/></w:r>", text: "\n" } }],
  link: (n, ctx) => {
    const runs = inlines(n.children, { ...ctx, link: true });
    const { target, anchor } = linkTarget(n.url);
    ctx.state.links.push(target);
    const attrs = `w:history="1"${anchor === undefined ? "" : ` w:anchor="${w.esc(anchor)}"`} r:id="rIdx${ctx.state.links.length}"`;
    return [{ inline: { xml: `<w:hyperlink ${attrs}>${runs.map((r) => r.xml).join("")}</w:hyperlink>`, text: runs.map((r) => r.text).join("") } }];
  },
  // Raw HTML is shown as the text it is: templates cannot inject markup into a Word file.
  html: (n, ctx) => inlineText(n.value, ctx),
  image: (n, ctx) => inlineText(`[${n.alt ?? ""}]`, ctx),
  imageReference: (n, ctx) => inlineText(`[${n.alt ?? ""}]`, ctx),
  linkReference: (n, ctx) => renderAll(n.children, ctx),
  footnoteReference: (n, ctx) => inlineText(`[${n.label ?? n.identifier}]`, ctx),
  footnoteDefinition: (n, ctx) => renderAll(n.children, ctx),
  definition: () => [],
  yaml: () => [],
  code: (n, ctx) => n.value.split("\n").map((line) => ({ block: paragraph([run(line, { ...ctx, mono: true })], ctx, { alignment: "left" }) })),
  thematicBreak: () => [{ block: para([], { border: { bottom: { style: "single", size: 6, color: COLORS.grid, space: 1 } } }) }],
  blockquote: (n, ctx) => {
    const c: Ctx = { ...ctx, para: { ...ctx.para, indent: { left: 567 },
      border: { left: { style: "single", size: 12, color: COLORS.quoteRule, space: 8 } } } };
    return blocks(renderAll(n.children, c), c).map((block) => ({ block }));
  },
  list: (n, ctx) => {
    ctx.state.listInstance++;
    const numbering: ListRef = { reference: n.ordered ? "edih-decimal" : "edih-bullet", level: Math.min(ctx.listLevel, 2), instance: ctx.state.listInstance };
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
    const rows = n.children.map((r, ri) => {
      const cells = widths.map((width, ci) => {
        const cell = r.children[ci];
        const align = n.align?.[ci];
        const c: Ctx = { ...ctx, bold: header(ri) || (kv !== undefined && ci === 0) || ctx.bold, size, keyValue: undefined, para: {
          spacing: { before: 0, after: 0, line: 252, lineRule: "auto" },
          alignment: align === "right" ? "right" : align === "center" ? "center" : "left" } };
        // Shading is also in the table style; written here too for readers that ignore conditional styles.
        return `<w:tc><w:tcPr>${w.width("tcW", width, "dxa")}${header(ri) ? w.shading(HEADER_SHADE) : ""}</w:tcPr>${writePara(paragraph(cell ? inlines(cell.children, c) : [], c))}</w:tc>`;
      });
      return `<w:tr><w:trPr><w:cantSplit/>${kv ? "" : ri === 0 ? "<w:tblHeader/>" : `<w:tblHeader w:val="off"/>`}</w:trPr>${cells.join("")}</w:tr>`;
    });
    const margin = (side: string, v: number) => `<w:${side} w:type="dxa" w:w="${v}"/>`;
    const props = `<w:tblStyle w:val="${kv ? KEY_VALUE_STYLE : TABLE_STYLE}"/>${w.width("tblW", ctx.width, "dxa")}<w:tblLayout w:type="fixed"/>`
      + `<w:tblCellMar>${margin("top", 40)}${margin("left", 80)}${margin("bottom", 40)}${margin("right", 80)}</w:tblCellMar>`;
    return [{ block: { kind: "xml", xml: `<w:tbl><w:tblPr>${props}</w:tblPr><w:tblGrid>${widths.map((x) => `<w:gridCol w:w="${x}"/>`).join("")}</w:tblGrid>${rows.join("")}</w:tbl>` } },
    // Word glues two adjacent tables into one; an empty paragraph keeps them apart.
    { block: para([]) }];
  },
  tableRow: (n, ctx) => renderAll(n.children, ctx),
  tableCell: (n, ctx) => renderAll(n.children, ctx),
  containerDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  leafDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  textDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
};

/** A link's target and the place in it (`#...`, up to Word's 255 characters) Word opens it at. */
function linkTarget(url: string): { target: string; anchor?: string } {
  const at = url.indexOf("#");
  const fragment = url.length - at - 1;
  return at > 0 && fragment > 0 && fragment <= 255 ? { target: url.slice(0, at), anchor: url.slice(at + 1) } : { target: url };
}

/** What the PDF's layout (writers/layout.ts) tells the DOCX, so both formats look and paginate alike. */
export interface DocxLayout {
  density: Density;
  /** Page of each heading 1-2 in document order, as the PDF has them; printed in the table of contents. */
  headingPages: readonly number[];
  pages: number;
}

export interface Body {
  /** The blocks of the body; bookmark ids and the table of contents still to be written (package.ts). */
  blocks: Block[];
  /** External links' targets in document order: link n has relationship rIdx{n}. */
  links: string[];
  /** The numbering instances the lists use, in numId order. */
  lists: BodyState["lists"];
  /** Width of the text column in twips (the contents' right tab). */
  width: number;
}

/** A rendered document's body: title, subtitle and the tree's blocks, slots marked. */
export function documentBody(doc: RenderedDocument, opts: { measure?: Measure; density?: Density } = {}): Body {
  const density = opts.density ?? NORMAL_DENSITY;
  const base = { measure: opts.measure ?? approximateMeasure, width: PAGE.width - 2 * twips(density.margin) };
  const state: BodyState = { listInstance: 0, links: [], numIds: new Map(), lists: [] };
  const ctx: Ctx = { bold: false, italic: false, strike: false, mono: false, para: {}, listLevel: 0, labels: doc.labels, ...base,
    plans: groupPlans(doc.tree, planOptions(base)), state };
  const title: Block[] = [para([{ xml: w.run({}, w.text(doc.meta.title)), text: doc.meta.title }], { style: "Title" })];
  if (doc.meta.subtitle) title.push(para([{ xml: w.run({}, w.text(doc.meta.subtitle)), text: doc.meta.subtitle }], { style: "Subtitle" }));
  const body = placeSlotEnds(blocks(dispatch(handlers, doc.tree, ctx), ctx));
  return { blocks: [...title, ...body], links: state.links, lists: state.lists, width: base.width };
}

export function writePara(p: Para): string {
  let runs = "";
  for (const i of p.inlines) runs += i.xml;
  return w.paragraph(p.props, runs);
}

/** The text a heading shows: its table-of-contents entry. */
export const paraText = (p: Para): string => p.inlines.map((i) => i.text).join("");

