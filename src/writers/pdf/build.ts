import type { ListItem, PhrasingContent } from "mdast";
import type { RenderedDocument } from "../../render/index.js";
import { directiveHandler, dispatch, textOf, type DirectiveHandlers, type DocNode, type Handlers } from "../../render/tree.js";
import { isFilled } from "../../render/slots.js";
import { approximateMeasure, planTable, TABLE_FONT, tableTexts, type Measure } from "../columns.js";
import { FIXED_DATE } from "../fixed.js";
import { FILL_KEEP_CHARS, isSignatures, keepsWithNext } from "../keep.js";
import { PDF_FONT } from "./fonts.js";
import { toBlocks, type Piece as Pieces } from "../pieces.js";

/** pdfmake's document definition is plain data; this is the subset edih builds. */
export type PdfNode = { [key: string]: unknown };
type Piece = Pieces<PdfNode, PdfNode>;

const FILL_SHADE = "#FFF2CC";
const FILL_BORDER = "#BF9000";
const HEADER_SHADE = "#D9E2F3";
const HEADING_COLOR = "#1F3864";
/** A4 with 2 cm margins, in points (as in the DOCX). */
const MARGIN = 56.69;
const TEXT_WIDTH = 595.28 - 2 * MARGIN;
const PAGE_HEIGHT = 841.89;
/** Room a heading needs below its top for itself and a few lines of what follows, in points. */
const KEEP_ROOM = 90;

const PAGE_BREAK: PdfNode = { text: "" };

interface Ctx {
  bold: boolean;
  italics: boolean;
  strike: boolean;
  background?: string;
  link?: string;
  labels: Record<string, string>;
  measure: Measure;
  state: { heading: number; parents: string[] };
}

/**
 * pageBreakBefore only sees a few node properties; `headlineLevel` is the one pdfmake leaves to the
 * caller. Headings use 1-3; this marks a paragraph that must not end a page (an intro ending in ":"
 * before its list or table).
 */
const KEEP_WITH_NEXT = 9;
/** A paragraph shorter than this (about five lines) moves with the heading before it, whole. */
const PARAGRAPH_KEEP_CHARS = 500;
/** A table with at most this many rows (header included) is kept on one page. */
const SHORT_TABLE_ROWS = 10;

function blocks(pieces: Piece[], extra: PdfNode = {}): PdfNode[] {
  const out = toBlocks(pieces, (run): PdfNode => ({ text: run, ...extra }));
  const result: PdfNode[] = [];
  let breakNext = false;
  for (const b of out) {
    if (b === PAGE_BREAK) breakNext = result.length > 0;
    else {
      result.push(breakNext ? { ...b, pageBreak: "before" } : b);
      breakNext = false;
    }
  }
  return result;
}

/**
 * Blocks that are laid out on one page (a short table, a short fill box, one signatory). A heading
 * or an intro right before one is grouped with it, so the two move to the next page together;
 * pdfmake's pageBreakBefore cannot do that, as it sees the rows of a moved block on the old page.
 */
const keepable = new WeakSet<PdfNode>();
const keep = <T extends PdfNode>(b: T): T => (keepable.add(b), b);

function renderAll(nodes: readonly DocNode[], ctx: Ctx): Piece[] {
  const out: Piece[] = [];
  let run = -1; // index in `out` where the current run of keep-with-next blocks starts
  nodes.forEach((n, i) => {
    const pieces = dispatch(handlers, n, ctx);
    const next = nodes[i + 1];
    const keepsNext = n.type === "heading" || keepsWithNext(n, next) || (n.type === "paragraph" && isSignatures(next));
    if (keepsNext) {
      if (run < 0) run = out.length;
      out.push(...pieces.map((p) => ("block" in p && n.type === "paragraph" ? { block: { ...p.block, headlineLevel: KEEP_WITH_NEXT } } : p)));
      return;
    }
    const first = pieces[0];
    if (run >= 0 && first && "block" in first && keepable.has(first.block)) {
      // Inside the group, pageBreakBefore must not split what the group holds together.
      const held = out.splice(run).flatMap((p) => ("block" in p ? [{ ...p.block, headlineLevel: undefined }] : []));
      out.push({ block: { stack: [...held, first.block], unbreakable: true } }, ...pieces.slice(1));
    } else out.push(...pieces);
    run = -1;
  });
  return out;
}

const inlines = (nodes: readonly PhrasingContent[], ctx: Ctx): PdfNode[] =>
  renderAll(nodes, ctx).flatMap((p) => ("inline" in p ? [p.inline] : []));

function span(text: string, ctx: Ctx): Piece {
  return { inline: {
    text, bold: ctx.bold, italics: ctx.italics,
    ...(ctx.strike ? { decoration: "lineThrough" } : {}),
    ...(ctx.background ? { background: ctx.background } : {}),
    ...(ctx.link ? { link: ctx.link, color: "#1A4F8B", decoration: "underline" } : {}),
  } };
}

function stack(pieces: Piece[]): PdfNode {
  return { stack: blocks(pieces) };
}

function listItem(item: ListItem, ctx: Ctx): PdfNode {
  return { stack: item.children.flatMap((c) => blocks(dispatch(handlers, c, ctx))) };
}

const boxLayout = (color: string, width: number) => ({
  hLineWidth: () => width, vLineWidth: () => width, hLineColor: () => color, vLineColor: () => color,
  paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6,
});

const directives: DirectiveHandlers<Ctx, Piece[]> = {
  // A marker that blocks() turns into `pageBreak: "before"` on the next block: an empty node that
  // breaks "after" can itself spill onto a new page and leave a blank one.
  "page-break": () => [{ block: PAGE_BREAK }],
  toc: (_n, ctx) => [{ block: { toc: { title: { text: ctx.labels["contents"] ?? "Contents", style: "tocTitle" }, textMargin: [0, 2, 0, 2] }, margin: [0, 0, 0, 12] } }],
  fill: (node, ctx) => {
    // Written text (narrative or a YAML field) is body content like any other.
    if (isFilled(node)) return blocks(renderAll(node.children, ctx)).map((block) => ({ block }));
    const c = { ...ctx, background: undefined };
    const body = [{ text: `${ctx.labels["fill"] ?? "To be completed"}:`, bold: true }, ...blocks(renderAll(node.children, c))];
    const short = textOf(node).length < FILL_KEEP_CHARS;
    const box: PdfNode = { table: { widths: ["*"], body: [[{ stack: body, fillColor: FILL_SHADE }]] },
      layout: boxLayout(FILL_BORDER, 1), margin: [0, 4, 0, 10] };
    return [{ block: short ? keep({ ...box, unbreakable: true }) : box }];
  },
  signatures: (node, ctx) => {
    const items = node.children.flatMap((n) => (n.type === "list" ? n.children : []));
    // One unbreakable block per signatory: a name never sits on one page and its line on the next.
    return items.map((item) => {
      const first = item.children[0];
      const who = first && first.type === "paragraph" ? inlines(first.children, ctx) : [{ text: textOf(item) }];
      return { block: keep({ unbreakable: true, margin: [0, 4, 0, 6], table: { widths: ["50%", "50%"], body: [[
        { text: who, margin: [0, 18, 8, 0] },
        { stack: [
          { canvas: [{ type: "line", x1: 0, y1: 0, x2: TEXT_WIDTH / 2 - 16, y2: 0, lineWidth: 0.7 }], margin: [0, 36, 0, 2] },
          { text: `${ctx.labels["signature"] ?? "Signature"} / ${ctx.labels["date"] ?? "Date"}`, fontSize: 9, color: "#555555" },
        ] },
      ]] }, layout: "noBorders" }) };
    });
  },
  blank: (node, ctx) => [span(`[…${textOf(node)}…]`, { ...ctx, background: FILL_SHADE, italics: true })],
};

const handlers: Handlers<Ctx, Piece[]> = {
  root: (n, ctx) => renderAll(n.children, ctx),
  paragraph: (n, ctx) => {
    const block = { text: inlines(n.children, ctx), margin: [0, 0, 0, 6] };
    // A short paragraph after a heading travels with it as one unbreakable block. pdfmake settles
    // that in the same layout pass; leaving it to pageBreakBefore costs a full re-layout per move
    // (Part B took 5 passes).
    return [{ block: textOf(n).length < PARAGRAPH_KEEP_CHARS ? keep(block) : block }];
  },
  heading: (n, ctx) => {
    const depth = Math.min(n.depth, 3);
    const id = `h${++ctx.state.heading}`;
    ctx.state.parents[depth - 1] = id;
    ctx.state.parents.length = depth;
    const parent = depth > 1 ? ctx.state.parents[depth - 2] : undefined;
    return [{ block: {
      text: inlines(n.children, { ...ctx, bold: false }), style: `h${depth}`, headlineLevel: depth, id,
      // Headings 1-2 make the TOC; every heading is a bookmark, nested under its parent.
      ...(depth <= 2 ? { tocItem: true, ...(depth === 2 ? { tocMargin: [14, 0, 0, 0] } : {}) } : {}),
      outline: true, outlineText: textOf(n), ...(parent ? { outlineParentId: parent } : {}),
    } }];
  },
  // A soft line break inside a paragraph is a space, as in Word.
  text: (n, ctx) => [span(n.value.replace(/[ \t]*\r?\n[ \t]*/g, " "), ctx)],
  strong: (n, ctx) => renderAll(n.children, { ...ctx, bold: true }),
  emphasis: (n, ctx) => renderAll(n.children, { ...ctx, italics: true }),
  delete: (n, ctx) => renderAll(n.children, { ...ctx, strike: true }),
  inlineCode: (n, ctx) => [span(n.value, { ...ctx, background: "#EEEEEE" })],
  break: () => [{ inline: { text: "\n" } }],
  link: (n, ctx) => renderAll(n.children, { ...ctx, link: n.url }),
  // Raw HTML is shown as the text it is.
  html: (n, ctx) => [span(n.value, ctx)],
  image: (n, ctx) => [span(`[${n.alt ?? ""}]`, ctx)],
  imageReference: (n, ctx) => [span(`[${n.alt ?? ""}]`, ctx)],
  linkReference: (n, ctx) => renderAll(n.children, ctx),
  footnoteReference: (n, ctx) => [span(`[${n.label ?? n.identifier}]`, ctx)],
  footnoteDefinition: (n, ctx) => renderAll(n.children, ctx),
  definition: () => [],
  yaml: () => [],
  code: (n, ctx) => [{ block: { text: n.value, background: "#EEEEEE", preserveLeadingSpaces: true, margin: [0, 0, 0, 6], bold: ctx.bold } }],
  thematicBreak: () => [{ block: { canvas: [{ type: "line", x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: "#808080" }], margin: [0, 6, 0, 10] } }],
  blockquote: (n, ctx) => [{ block: {
    table: { widths: ["*"], body: [[stack(renderAll(n.children, ctx))]] },
    layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2 : 0), vLineColor: () => "#A0A0A0",
      paddingLeft: () => 10, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [14, 2, 0, 8] } }],
  list: (n, ctx) => [{ block: { [n.ordered ? "ol" : "ul"]: n.children.map((item) => listItem(item, ctx)), margin: [0, 0, 0, 6] } }],
  listItem: (n, ctx) => [{ block: listItem(n, ctx) }],
  table: (n, ctx) => {
    const plan = planTable(tableTexts(n), { width: TEXT_WIDTH, padding: TABLE_FONT.padding, fontSize: TABLE_FONT.size,
      minFontSize: TABLE_FONT.min, measure: ctx.measure });
    const cols = plan.fractions.length;
    const body = n.children.map((r, ri) => Array.from({ length: cols }, (_, ci) => {
      const cell = r.children[ci];
      const align = n.align?.[ci];
      return {
        text: cell ? inlines(cell.children, { ...ctx, bold: ri === 0 || ctx.bold }) : "",
        ...(align === "right" || align === "center" ? { alignment: align } : {}),
        ...(ri === 0 ? { fillColor: HEADER_SHADE } : {}),
      };
    }));
    const table: PdfNode = {
      // keepWithHeaderRows: a header row is never left alone at the foot of a page.
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: plan.fractions.map((f) => `${(f * 100).toFixed(4)}%`), body },
      fontSize: plan.fontSize, lineHeight: 1.1,
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => "#808080", vLineColor: () => "#808080",
        paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2, paddingBottom: () => 2 },
      margin: [0, 2, 0, 10] };
    // A short table (a Gantt chart, a summary) reads best on one page.
    return [{ block: body.length <= SHORT_TABLE_ROWS ? keep({ ...table, unbreakable: true }) : table }];
  },
  tableRow: (n, ctx) => renderAll(n.children, ctx),
  tableCell: (n, ctx) => renderAll(n.children, ctx),
  containerDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  leafDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  textDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
};

interface NodeInfo { headlineLevel?: number; text?: unknown; startPosition?: { top: number } }

/**
 * `onPageCount` hears the page count of each layout pass from the footer (pdfmake lays a document
 * out again when a page break moves); the last call is the final count.
 */
export function buildPdfDefinition(doc: RenderedDocument,
  opts: { draftMark?: string; measure?: Measure; onPageCount?: (pages: number) => void } = {}): PdfNode {
  const labels = doc.labels;
  const ctx: Ctx = { bold: false, italics: false, strike: false, labels, measure: opts.measure ?? approximateMeasure,
    state: { heading: 0, parents: [] } };
  const title: PdfNode[] = [{ text: doc.meta.title, style: "title" }];
  if (doc.meta.subtitle) title.push({ text: doc.meta.subtitle, style: "subtitle" });
  return {
    pageSize: "A4",
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    language: doc.meta.lang === "bg" ? "bg-BG" : "en-GB",
    displayTitle: true,
    info: { title: doc.meta.title, ...(doc.meta.author ? { author: doc.meta.author } : {}),
      // pdfkit derives /ID from the info dictionary, so fixed dates also fix the ID.
      creator: "edih", producer: "edih", creationDate: FIXED_DATE, modDate: FIXED_DATE },
    defaultStyle: { font: PDF_FONT, fontSize: 11, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, color: HEADING_COLOR, margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 13, color: "#404040", margin: [0, 0, 0, 14] },
      tocTitle: { fontSize: 16, bold: true, color: HEADING_COLOR, margin: [0, 6, 0, 6] },
      h1: { fontSize: 16, bold: true, color: HEADING_COLOR, margin: [0, 12, 0, 6] },
      h2: { fontSize: 13, bold: true, color: HEADING_COLOR, margin: [0, 10, 0, 5] },
      h3: { fontSize: 11.5, bold: true, color: HEADING_COLOR, margin: [0, 8, 0, 4] },
    },
    header: () => ({ margin: [MARGIN, 20, MARGIN, 0], stack: [
      ...(opts.draftMark ? [{ text: opts.draftMark, bold: true, color: "#C00000", alignment: "center", fontSize: 12 }] : []),
      { text: doc.meta.title, fontSize: 8, color: "#808080", alignment: "right" },
    ] }),
    footer: (page: number, pages: number) => {
      opts.onPageCount?.(pages);
      return { text: `${labels["page"] ?? "Page"} ${page} ${labels["of"] ?? "of"} ${pages}`, alignment: "center", fontSize: 9, margin: [0, 20, 0, 0] };
    },
    // Keep a heading (or an intro ending in ":") with what follows. pdfmake reports the rows of a
    // table or box that moved to the next page as still on this one, so "is anything after it on
    // this page" is not enough: a heading that starts in the last KEEP_ROOM points goes over too.
    pageBreakBefore: (node: NodeInfo, q: { getFollowingNodesOnPage: () => NodeInfo[] }) => {
      if (!node.headlineLevel || !node.startPosition) return false;
      const top = node.startPosition.top;
      // The page header and footer are laid out separately (their positions lie above this node).
      const below = q.getFollowingNodesOnPage().filter((f) => f.text !== undefined && f.text !== "" && (f.startPosition?.top ?? 0) > top);
      if (below.length === 0) return true;
      // Headings in a row ("2 Implementation", "2.1 Maturity") need room for the last of them: each
      // is checked only once, before the ones after it have moved.
      let last = top;
      for (const f of below) {
        if (!f.headlineLevel) break;
        last = f.startPosition!.top;
      }
      return last > PAGE_HEIGHT - MARGIN - KEEP_ROOM;
    },
    content: [...title, ...blocks(dispatch(handlers, doc.tree, ctx))],
  };
}
