/**
 * mdast → Typst source. Every piece of text from the tree is written as a Typst string literal
 * (`#"…";`), never as markup or code, so a name like `#read("/etc/passwd")` or `*bold*` prints as
 * typed. Only this file writes Typst syntax, and only from constants and numbers it computes.
 */
import type { ListItem, PhrasingContent } from "mdast";
import type { RenderedDocument } from "../../render/index.js";
import { directiveHandler, dispatch, textOf, type DirectiveHandlers, type DocNode, type Handlers } from "../../render/tree.js";
import { approximateMeasure, groupPlans, keyValuePlan, planTable, TABLE_FONT, tableTexts, type Measure, type PlanOptions, type TablePlan } from "../columns.js";
import { closingGroups, FILL_KEEP_CHARS, isSignatures, keepsWithNext } from "../keep.js";
import { toBlocks, type Piece as Pieces } from "../pieces.js";
import { PDF_FONT } from "../fonts.js";
import { COLORS, labelOf, NORMAL_DENSITY, PAGE, SIZES, typstColor, type Density, type FallbackLabel } from "../theme.js";

/**
 * A block of Typst markup. `ownSpacing`: it sets its own space above and below (a heading, a box),
 * which Typst lets win over the gap between paragraphs, so no gap is written next to it.
 */
interface Block {
  markup: string;
  ownSpacing?: boolean;
}

/** Typst markup: a block (separated from the next by a blank line) or an inline run. */
type Piece = Pieces<Block, string>;

const block = (markup: string): { block: Block } => ({ block: { markup } });
const spacedBlock = (markup: string): { block: Block } => ({ block: { markup, ownSpacing: true } });

const FILL_SHADE = typstColor(COLORS.fillShade);
const FILL_BORDER = typstColor(COLORS.fillBorder);
const HEADER_SHADE = typstColor(COLORS.headerShade);
const HEADING_COLOR = typstColor(COLORS.heading);
const LINK_COLOR = typstColor(COLORS.link);
const CODE_SHADE = typstColor(COLORS.codeShade);
/**
 * Line pitch as in the DOCX, so both formats have the same number of pages (the page-limit rule
 * counts the PDF's): Word's "1.15 lines" of Arial is 1.15 × 1.15 em; a Typst line box from
 * ascender to descender is 1.117 em of Arimo, the rest is leading. Tables use 1.05 lines.
 */
const LEADING = 0.205;
const TABLE_LEADING = 0.09;
/** A table with at most this many rows (header included) is kept on one page. */
const SHORT_TABLE_ROWS = 10;

interface Ctx {
  labels: Record<string, string>;
  measure: Measure;
  /** Width of the text column, pt (the page's less its margins). */
  width: number;
  /** Column plans shared by the key–value tables of a group (work-package headers). */
  plans: ReadonlyMap<string, TablePlan>;
  /** Set inside `:::key-value`: the tables there have no header row. */
  keyValue?: { group?: string };
}

const planOptions = (ctx: Pick<Ctx, "width" | "measure">): PlanOptions =>
  ({ width: ctx.width, padding: TABLE_FONT.padding, fontSize: TABLE_FONT.size, minFontSize: TABLE_FONT.min, measure: ctx.measure });

/** A Typst string literal: the only way text from the tree enters the source. */
export function str(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!)}"`;
}

/** Text in markup; the `;` ends the expression, so nothing after it can continue it (`.field`, `(…)`). */
const lit = (text: string): string => `#${str(text)};`;

const label = (ctx: Ctx, key: FallbackLabel) => labelOf(ctx.labels, key);

const num = (n: number) => Number(n.toFixed(3)).toString();

function blocks(pieces: Piece[]): Block[] {
  return toBlocks<Block, string>(pieces, (runs) => ({ markup: runs.join("") })).filter((b) => b.markup.length > 0);
}

/**
 * The gap between paragraphs (and blocks that take it) depends on the density, so it is written as
 * weak spacing between them, not as `par.spacing`: a set rule is part of every paragraph's styles,
 * and Typst then lays every paragraph out again when only the gap changed, while a fitted document
 * is laid out at several gaps. Weak spacing of the lowest weakness replaces the paragraphs' own and
 * collapses at a page break as theirs does, so the page is the same as with `par.spacing`.
 */
const GAP = "#v(edih-gap, weak: true)";

/** Blocks separated by blank lines (paragraph breaks), with the gap where paragraph spacing applies. */
function joinBlocks(bs: readonly Block[]): string {
  return bs.map((b, i) => (i > 0 && !b.ownSpacing && !bs[i - 1]!.ownSpacing ? `${GAP}\n\n${b.markup}` : b.markup)).join("\n\n");
}

/** Content of a `[...]` block. */
const body = (pieces: Piece[]) => `[${joinBlocks(blocks(pieces))}]`;

function renderAll(nodes: readonly DocNode[], ctx: Ctx): Piece[] {
  const out: Piece[] = [];
  const closing = closingGroups(nodes);
  let group: Piece[] = [];
  nodes.forEach((n, i) => {
    const pieces = dispatch(handlers, n, ctx);
    if (closing[i]) {
      group.push(...pieces);
      return;
    }
    if (isSignatures(n) && group.length) {
      // The closing lines, the text before them and the first signatory: one block that does not break.
      const [first, ...rest] = pieces;
      out.push(block(`#block(breakable: false, width: 100%)${body([...group, ...(first ? [first] : [])])}`), ...rest);
      group = [];
      return;
    }
    out.push(...group);
    group = [];
    // Headings are sticky in Typst already; an intro ending in ":" travels with what follows it the same way.
    if (n.type === "paragraph" && keepsWithNext(n, nodes[i + 1])) {
      out.push(...pieces.map((p) => ("block" in p ? block(`#block(sticky: true)${brackets(p.block.markup)}`) : p)));
    } else out.push(...pieces);
  });
  out.push(...group);
  return out;
}

/** A block's markup wrapped as content; a paragraph stays a paragraph inside it. */
const brackets = (markup: string) => `[${markup}]`;

const inlines = (nodes: readonly PhrasingContent[], ctx: Ctx): string =>
  renderAll(nodes, ctx).map((p) => ("inline" in p ? p.inline : "")).join("");

function listItem(item: ListItem, ctx: Ctx): string {
  return body(item.children.flatMap((c) => dispatch(handlers, c, ctx)));
}

const directives: DirectiveHandlers<Ctx, Piece[]> = {
  // A page break and the contents (its title a heading) take no paragraph gap.
  "page-break": () => [spacedBlock("#pagebreak(weak: true)")],
  toc: (_n, ctx) => [spacedBlock(`#outline(title: [${lit(label(ctx, "contents"))}], depth: 2)`)],
  fill: (node, ctx) => {
    const content = renderAll(node.children, ctx);
    // A slot the consultant has written reads as ordinary text of the document.
    if ((node.data as { filled?: boolean } | undefined)?.filled) return content;
    const short = textOf(node).length < FILL_KEEP_CHARS;
    const head = `#strong[${lit(`${label(ctx, "fill")}:`)}]`;
    return [spacedBlock(`#edih-fill(breakable: ${short ? "false" : "true"})[${joinBlocks([{ markup: head }, ...blocks(content)])}]`)];
  },
  signatures: (node, ctx) => {
    const items = node.children.flatMap((n) => (n.type === "list" ? n.children : []));
    const caption = lit(`${label(ctx, "signature")} / ${label(ctx, "date")}`);
    // One unbreakable block per signatory: a name never sits on one page and its line on the next.
    return items.map((item) => {
      const first = item.children[0];
      const who = first && first.type === "paragraph" ? inlines(first.children, ctx) : lit(textOf(item));
      return spacedBlock(`#edih-signatory([${who}], [${caption}])`);
    });
  },
  "key-value": (node, ctx) => renderAll(node.children, { ...ctx, keyValue: { ...(node.attributes?.group ? { group: node.attributes.group } : {}) } }),
  blank: (node) => [{ inline: `#edih-blank(${str(`[…${textOf(node)}…]`)})` + ";" }],
};

const handlers: Handlers<Ctx, Piece[]> = {
  root: (n, ctx) => renderAll(n.children, ctx),
  paragraph: (n, ctx) => [block(inlines(n.children, ctx))],
  heading: (n, ctx) => {
    const depth = Math.min(n.depth, 3);
    // Headings 1-2 make the table of contents; every heading is a bookmark.
    return [spacedBlock(`#heading(level: ${depth}, outlined: ${depth <= 2}, bookmarked: true)[${inlines(n.children, ctx)}]`)];
  },
  // A soft line break inside a paragraph is a space, as in Word.
  text: (n) => [{ inline: lit(n.value.replace(/[ \t]*\r?\n[ \t]*/g, " ")) }],
  strong: (n, ctx) => [{ inline: `#strong[${inlines(n.children, ctx)}]` }],
  emphasis: (n, ctx) => [{ inline: `#emph[${inlines(n.children, ctx)}]` }],
  delete: (n, ctx) => [{ inline: `#strike[${inlines(n.children, ctx)}]` }],
  inlineCode: (n) => [{ inline: `#highlight(fill: ${CODE_SHADE})[${lit(n.value)}]` }],
  break: () => [{ inline: "#linebreak();" }],
  link: (n, ctx) => [{ inline: `#link(${str(n.url)})[#underline[#text(fill: ${LINK_COLOR})[${inlines(n.children, ctx)}]]]` }],
  // Raw HTML is shown as the text it is; images are not loaded (a document reads no files).
  html: (n) => [{ inline: lit(n.value) }],
  image: (n) => [{ inline: lit(`[${n.alt ?? ""}]`) }],
  imageReference: (n) => [{ inline: lit(`[${n.alt ?? ""}]`) }],
  linkReference: (n, ctx) => renderAll(n.children, ctx),
  footnoteReference: (n) => [{ inline: lit(`[${n.label ?? n.identifier}]`) }],
  footnoteDefinition: (n, ctx) => renderAll(n.children, ctx),
  definition: () => [],
  yaml: () => [],
  code: (n) => [block(`#edih-code(${str(n.value)})`)],
  thematicBreak: () => [block("#line(length: 100%, stroke: 0.5pt + luma(128))")],
  blockquote: (n, ctx) => [spacedBlock(`#edih-quote${body(renderAll(n.children, ctx))}`)],
  list: (n, ctx) => {
    const items = n.children.map((item) => listItem(item, ctx)).join(", ");
    // The gap between items is an argument, not a set rule, for the reason given at GAP. A wide
    // list (not tight) makes each item a paragraph, whose layout Typst keeps; a tight list's items
    // are laid out again on every pass, and again when the list moves on the page.
    const args = `tight: false, spacing: edih-gap, ${items}`;
    return [block(n.ordered ? `#enum(start: ${n.start ?? 1}, ${args})` : `#list(${args})`)];
  },
  listItem: (n, ctx) => [block(listItem(n, ctx))],
  table: (n, ctx) => {
    const plan = ctx.keyValue ? keyValuePlan(n, ctx.plans, ctx.keyValue.group, planOptions(ctx)) : planTable(tableTexts(n), planOptions(ctx));
    const cols = plan.fractions.length;
    const cells = n.children.map((r) => Array.from({ length: cols }, (_, ci) => {
      const cell = r.children[ci];
      const text = cell ? inlines(cell.children, ctx) : "";
      return `[${ctx.keyValue && ci === 0 ? `#strong[${text}]` : text}]`;
    }).join(", "));
    const align = Array.from({ length: cols }, (_, ci) => n.align?.[ci] ?? "left").map((a) => (a === "center" ? "center" : a === "right" ? "right" : "left"));
    // Fractions of the width: Typst subtracts nothing (the plan's widths include padding and border).
    const columns = plan.fractions.map((f) => `${num(f * 1000)}fr`).join(", ");
    const rowList = (rs: string[]) => `(${rs.map((r) => `(${r},)`).join(", ")}${rs.length ? "," : ""})`;
    // A key–value table has no header: its first row is a row like the others, never repeated.
    const [header, ...rows] = cells;
    const table = ctx.keyValue
      ? `#edih-table(${num(plan.fontSize)}pt, (${columns},), (${align.join(", ")},), none, ${rowList(cells)})`
      : `#edih-table(${num(plan.fontSize)}pt, (${columns},), (${align.join(", ")},), (${header ?? ""},), ${rowList(rows)})`;
    // A short table (a Gantt chart, a summary) reads best on one page.
    return [block(n.children.length <= SHORT_TABLE_ROWS ? `#block(breakable: false)[${table}]` : table)];
  },
  tableRow: (n, ctx) => renderAll(n.children, ctx),
  tableCell: (n, ctx) => renderAll(n.children, ctx),
  containerDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  leafDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
  textDirective: (n, ctx) => directiveHandler(directives, n)(n as never, ctx),
};

/**
 * The page set-up and the helpers the body calls. Constants and numbers only: the document's own
 * strings (title, labels, draft mark) are passed in as literals by `typstSource`. `edih-gap` is
 * the density's paragraph gap (see GAP); `par.spacing` stays the normal one, the same at every
 * density, and is overridden wherever a gap is written.
 */
const preamble = (d: Density) => String.raw`
#let edih-fill(breakable: true, body) = block(width: 100%, fill: ${FILL_SHADE}, stroke: 1pt + ${FILL_BORDER},
  inset: (x: 8pt, y: 6pt), above: 4pt, below: 10pt, breakable: breakable, body)
#let edih-blank(s) = highlight(fill: ${FILL_SHADE}, emph(s))
#let edih-code(s) = block(width: 100%, fill: ${CODE_SHADE}, inset: 4pt, { set par(justify: false); text(hyphenate: false, s) })
#let edih-quote(body) = block(stroke: (left: 2pt + luma(160)), inset: (left: 10pt, y: 2pt), above: 10pt, below: 10pt, body)
#let edih-signatory(who, caption) = block(breakable: false, above: 10pt, below: 6pt, {
  set par(justify: false)
  grid(columns: (1fr, 1fr), column-gutter: 16pt,
    pad(top: 18pt, who),
    pad(top: 36pt, stack(spacing: 4pt, line(length: 100%, stroke: 0.7pt), text(size: ${SIZES.caption}pt, fill: ${typstColor(COLORS.caption)}, caption))))
})
#let edih-table(size, columns, align, header, rows) = {
  set text(size: size, hyphenate: false)
  set par(justify: false, leading: ${TABLE_LEADING}em)
  table(columns: columns, align: align, stroke: 0.5pt + luma(128), inset: (x: 4pt, y: 2pt),
    fill: (_, y) => if header != none and y == 0 { ${HEADER_SHADE} },
    ..if header != none { (table.header(..header.map(c => strong(c))),) },
    ..rows.flatten())
}
#set page(paper: "a4", margin: ${num(d.margin)}pt)
#set text(font: "${PDF_FONT}", size: ${num(d.size)}pt, fallback: false, top-edge: "ascender", bottom-edge: "descender")
#let edih-gap = ${LEADING}em + ${num(d.paragraphGap)}pt
#set par(justify: true, leading: ${LEADING}em, spacing: ${LEADING}em + ${num(NORMAL_DENSITY.paragraphGap)}pt)
#set table.cell(breakable: false)
#set list(indent: 6pt)
#set enum(indent: 6pt)
#show heading: set text(fill: ${HEADING_COLOR}, hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 1): set text(size: ${SIZES.h1}pt)
#show heading.where(level: 1): set block(above: 14pt, below: 8pt)
#show heading.where(level: 2): set text(size: ${SIZES.h2}pt)
#show heading.where(level: 2): set block(above: 12pt, below: 7pt)
#show heading.where(level: 3): set text(size: ${SIZES.h3}pt)
#show heading.where(level: 3): set block(above: 10pt, below: 6pt)
#show outline: set heading(outlined: false, bookmarked: false)
#show outline: set par(justify: false)
`;

/** Label of the metadata that lists the page of each heading in the table of contents (levels 1-2). */
export const HEADING_PAGES_LABEL = "edih-heading-pages";

export interface TypstOptions {
  draftMark?: string;
  measure?: Measure;
  /** How densely the page is set (theme.ts); the normal density unless a short document is being fitted. */
  density?: Density;
}

/**
 * The Typst source of a rendered document. Fonts are the bundled Arimo faces only (`fallback:
 * false`: a character Arimo lacks shows as a missing glyph rather than pulling in a machine font).
 */
export function typstSource(doc: RenderedDocument, opts: TypstOptions = {}): string {
  const density = opts.density ?? NORMAL_DENSITY;
  const base = { measure: opts.measure ?? approximateMeasure, width: PAGE.widthPt - 2 * density.margin };
  const ctx: Ctx = { labels: doc.labels, ...base, plans: groupPlans(doc.tree, planOptions(base)) };
  const lang = doc.meta.lang === "bg" ? `lang: "bg", region: "BG"` : `lang: "en", region: "GB"`;
  const page = `${lit(label(ctx, "page"))} #counter(page).display() ${lit(label(ctx, "of"))} #counter(page).final().first()`;
  const header = [
    ...(opts.draftMark ? [`align(center, text(size: ${SIZES.draftMark}pt, weight: "bold", fill: ${typstColor(COLORS.draftMark)}, ${str(opts.draftMark)}))`] : []),
    `align(right, text(size: ${SIZES.pageHeader}pt, fill: ${typstColor(COLORS.pageHeader)}, ${str(doc.meta.title)}))`,
  ].join(", ");
  const title = [`#block(below: 10pt, text(size: ${SIZES.title}pt, weight: "bold", fill: ${HEADING_COLOR}, hyphenate: false, ${str(doc.meta.title)}))`];
  if (doc.meta.subtitle) title.push(`#block(below: 14pt, text(size: ${SIZES.subtitle}pt, fill: ${typstColor(COLORS.subtitle)}, ${str(doc.meta.subtitle)}))`);
  return [
    preamble(density),
    `#set document(title: ${str(doc.meta.title)}, author: (${doc.meta.author ? `${str(doc.meta.author)},` : ""}), date: none)`,
    `#set text(${lang}, hyphenate: true)`,
    `#set page(header: stack(spacing: 4pt, ${header}), header-ascent: 40%,`,
    `  footer: context align(center, text(size: ${SIZES.footer}pt)[${page}]))`,
    "",
    ...title,
    "",
    joinBlocks(blocks(dispatch(handlers, doc.tree, ctx))),
    "",
    // Where each heading of the table of contents landed: the DOCX prints the same page numbers.
    `#context [#metadata(query(heading.where(outlined: true)).map(h => (h.level, h.location().page())))<${HEADING_PAGES_LABEL}>]`,
    "",
  ].join("\n");
}
