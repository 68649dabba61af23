/**
 * Column widths for generated tables, shared by the DOCX and PDF writers so both lay a table out
 * alike. A column is never narrower than its longest unbreakable piece of text (a word, an amount
 * held together by no-break spaces), headers included; the space left over goes to the columns
 * whose text wants more room. When even the unbreakable pieces do not fit the page width, the
 * table gets a smaller font rather than words broken in the middle.
 */
import type { PhrasingContent, Table } from "mdast";
import type { DocNode } from "../render/tree.js";
import { LruMap } from "../domain/lru.js";

/** Width of `text` at a font size of 1 pt, in points (i.e. in em). */
export type Measure = (text: string, bold: boolean) => number;

export interface CellText {
  text: string;
  bold: boolean;
}

export interface TablePlan {
  /** Total width of each column (padding included) as a fraction of the table width; sums to 1. */
  fractions: number[];
  /** Font size of the table's text, in points. */
  fontSize: number;
  /** False only when no font size down to the minimum keeps every word whole. */
  fits: boolean;
}

export interface PlanOptions {
  /** Width of the table, in points. */
  width: number;
  /** Horizontal padding plus border of one cell, in points. */
  padding: number;
  fontSize: number;
  minFontSize: number;
  measure: Measure;
}

/** Font sizes and padding both writers use for tables (DOCX cell margins 80 twips each side = 4 pt). */
export const TABLE_FONT = { size: 10, min: 7.5, step: 0.5, padding: 9 } as const;

/**
 * Pieces of text a line may not be broken inside: split after ordinary white space (never the
 * no-break spaces that hold amounts together) and after a hyphen followed by a letter, which is
 * where Word and Typst's line breaker both allow a break (neither writer hyphenates inside a table).
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/[ \t\n\r\u2002-\u200b]+/)
    .flatMap((w) => w.split(/(?<=\p{L}-)(?=\p{L})/u))
    .filter((w) => w.length > 0);
}

interface Needs {
  /** Longest unbreakable piece, in em. */
  min: number[];
  /** Longest line of the body rows, in em: what the column wants. */
  body: number[];
  /** Longest line including the header: what the column wants when there is room for everything. */
  all: number[];
}

/**
 * Needs of tables measured lately, per measure, by the cells' text: measuring every piece of every
 * cell is most of a table's planning, and Part B's tables read as before after most edits (the
 * watch loop lays Part B out on every save). A pure function of its key, so it cannot go stale.
 */
const measured = new WeakMap<Measure, LruMap<string, Needs>>();

function columnNeeds(rows: CellText[][], cols: number, measure: Measure): Needs {
  let known = measured.get(measure);
  if (!known) measured.set(measure, (known = new LruMap(1024)));
  const key = JSON.stringify(rows);
  let needs = known.get(key);
  if (!needs) known.set(key, (needs = measureNeeds(rows, cols, measure)));
  return { min: [...needs.min], body: [...needs.body], all: [...needs.all] };
}

function measureNeeds(rows: CellText[][], cols: number, measure: Measure): Needs {
  const min = new Array<number>(cols).fill(0);
  const body = new Array<number>(cols).fill(0);
  const all = new Array<number>(cols).fill(0);
  rows.forEach((row, ri) => {
    for (let c = 0; c < cols; c++) {
      const cell = row[c];
      if (!cell) continue;
      for (const piece of unbreakablePieces(cell.text)) min[c] = Math.max(min[c]!, measure(piece, cell.bold));
      for (const line of cell.text.split("\n")) {
        const w = measure(line.trim(), cell.bold);
        all[c] = Math.max(all[c]!, w);
        if (ri > 0) body[c] = Math.max(body[c]!, w);
      }
    }
  });
  return { min, body: body.map((b, c) => Math.max(b, min[c]!)), all };
}

/** Extra room per column so rounding and kerning differences between renderers never force a break. */
const SLACK = 1.5;
const ROOMY = 0.85;

export function planTable(rows: CellText[][], opts: PlanOptions): TablePlan {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  if (cols === 0) return { fractions: [], fontSize: opts.fontSize, fits: true };
  const need = columnNeeds(rows, cols, opts.measure);
  const at = (em: number[], size: number) => em.map((e) => e * size + opts.padding + SLACK);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const sizes: number[] = [];
  for (let s = opts.fontSize; s >= opts.minFontSize - 1e-9; s -= TABLE_FONT.step) sizes.push(s);
  // Columns that wrap (long names) should keep some room, not only whatever the words leave over:
  // prefer the largest size at which the longest words take at most ROOMY of the width.
  const wraps = need.body.some((m, c) => m > need.min[c]! + 1e-9);
  const size = sizes.find((s) => wraps && sum(at(need.min, s)) <= opts.width * ROOMY)
    ?? sizes.find((s) => sum(at(need.min, s)) <= opts.width) ?? sizes[sizes.length - 1] ?? opts.fontSize;
  const min = at(need.min, size);
  const body = at(need.body, size);
  const all = at(need.all, size);
  // Spare room goes to columns in proportion to how much more they want; `want` may be all zero.
  const grow = (from: number[], want: number[], room: number) => {
    const total = sum(want);
    return from.map((f, c) => f + (total > 0 ? (room * want[c]!) / total : room / from.length));
  };
  let widths: number[];
  let fits = true;
  if (sum(all) <= opts.width) {
    // Every cell fits on one line: share the spare room in proportion to what each column holds.
    widths = grow(all, all, opts.width - sum(all));
  } else if (sum(body) <= opts.width) {
    // The body fits on one line; headers wrap between words as little as the room allows.
    widths = grow(body, all.map((a, c) => a - body[c]!), opts.width - sum(body));
  } else if (sum(min) <= opts.width) {
    // Every column keeps its longest word; the rest goes to the columns whose text wants more.
    widths = grow(min, body.map((b, c) => b - min[c]!), opts.width - sum(min));
  } else {
    fits = false;
    widths = min.map((m) => (m * opts.width) / sum(min));
  }
  return { fractions: widths.map((w) => w / opts.width), fontSize: size, fits };
}

/** Integer widths (e.g. twips) that add up exactly to `total`, for formats that want whole numbers. */
export function toUnits(fractions: number[], total: number): number[] {
  const out = fractions.map((f) => Math.floor(f * total));
  let rest = total - out.reduce((a, b) => a + b, 0);
  // Largest remainders first, ties by column order: deterministic.
  const order = fractions.map((f, i) => ({ i, r: f * total - out[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    out[i]!++;
    rest--;
  }
  return out;
}

/** The text a cell shows, as the writers print it (a blank reads `[…hint…]`), and whether it is bold. */
export function tableTexts(table: Table): CellText[][] {
  return table.children.map((row, ri) => row.children.map((cell) => ({
    text: shown(cell.children),
    bold: ri === 0 || allStrong(cell.children),
  })));
}

function shown(nodes: readonly DocNode[]): string {
  return nodes.map((n): string => {
    if (n.type === "textDirective" && n.name === "blank") return `[…${shown(n.children as DocNode[])}…]`;
    if (n.type === "break") return "\n";
    if ("value" in n && typeof n.value === "string") return n.value.replace(/[ \t]*\r?\n[ \t]*/g, " ");
    if ("children" in n && Array.isArray(n.children)) return shown(n.children as DocNode[]);
    return "";
  }).join("");
}

function allStrong(nodes: readonly PhrasingContent[]): boolean {
  const visible = nodes.filter((n) => !(n.type === "text" && n.value.trim() === ""));
  return visible.length > 0 && visible.every((n) => n.type === "strong");
}

/**
 * A rough Arial/Arimo measure for when the font's metrics are not loaded: average advance per
 * character class, erring wide so a column is never planned too narrow.
 */
export const approximateMeasure: Measure = (text, bold) => {
  let em = 0;
  for (const ch of text) {
    if (/[ \u00a0.,:;'|!il]/.test(ch)) em += 0.28;
    // Wide: M W m w, Cyrillic Ж ж Ш ш Щ щ Ю ю Ф ф, @ (escaped: the bundles stay ASCII, build-startup)
    else if (/[MWmw\u0416\u0436\u0428\u0448\u0429\u0449\u042e\u044e\u0424\u0444@]/.test(ch)) em += 0.85;
    else if (/[\p{Lu}0-9\u20ac]/u.test(ch)) em += 0.68;
    else em += 0.56;
  }
  return bold ? em * 1.08 : em;
};

/**
 * A key–value table (`:::key-value`): no header row; the keys, in the first column, are bold. Its
 * rows are planned like any table's body, so the first row is measured as a row, not a header.
 */
export function keyValueTexts(table: Table): CellText[][] {
  return table.children.map((row) => row.children.map((cell, ci) => ({ text: shown(cell.children), bold: ci === 0 || allStrong(cell.children) })));
}

/** The key–value tables of a document by their `group` attribute: tables of one group share one plan. */
export function keyValueGroups(tree: DocNode): Map<string, Table[]> {
  const groups = new Map<string, Table[]>();
  const walk = (n: DocNode) => {
    if (n.type === "containerDirective" && n.name === "key-value" && n.attributes?.group) {
      const list = groups.get(n.attributes.group) ?? [];
      for (const c of n.children) if (c.type === "table") list.push(c);
      groups.set(n.attributes.group, list);
      return;
    }
    if ("children" in n && Array.isArray(n.children)) for (const c of n.children as DocNode[]) walk(c);
  };
  walk(tree);
  return groups;
}

/**
 * One column plan for all the key–value tables of a group (the work packages' header tables), so
 * they line up down the document: planned as if their rows were one table. A plain `{ header }` row
 * is added so that the first real row is measured as a body row.
 */
export function groupPlans(tree: DocNode, opts: PlanOptions): Map<string, TablePlan> {
  const plans = new Map<string, TablePlan>();
  for (const [group, tables] of keyValueGroups(tree)) {
    const rows = tables.flatMap(keyValueTexts);
    const cols = Math.max(0, ...rows.map((r) => r.length));
    plans.set(group, planTable([Array.from({ length: cols }, () => ({ text: "", bold: false })), ...rows], opts));
  }
  return plans;
}

/** The plan of a key–value table: its group's when it has one, otherwise its own. */
export function keyValuePlan(table: Table, plans: ReadonlyMap<string, TablePlan>, group: string | undefined, opts: PlanOptions): TablePlan {
  const shared = group ? plans.get(group) : undefined;
  if (shared) return shared;
  const rows = keyValueTexts(table);
  const cols = Math.max(0, ...rows.map((r) => r.length));
  return planTable([Array.from({ length: cols }, () => ({ text: "", bold: false })), ...rows], opts);
}
