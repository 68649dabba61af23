/**
 * Reads the body of a WordprocessingML document (ECMA-376 part 1, §17) into blocks — paragraphs
 * with their runs' bold, italic and links, list and heading levels, tables — and finds which
 * blocks each slot holds, from the marks the writer left (bookmarks `edih_<slot>`) or from content
 * controls tagged `edih:<slot>` as Word writes them. Tracked changes, comments and field results
 * are kept apart, so `pull` can refuse, list or skip them instead of losing them silently.
 */
import { FILL_LABEL_STYLE, FILL_LABEL_STYLE_NAME, SLOT_BOOKMARK_PREFIX, SLOT_END_PREFIX, slotBookmarkName } from "../writers/docx/slot-marks.js";
import type { DocxPackage } from "./docx-package.js";
import { child, elements, textContent, type XmlElement } from "./xml.js";

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  link?: string;
  /** A line break inside the paragraph (`w:br`). */
  break?: boolean;
  /** Tracked insertion or deletion. */
  change?: "ins" | "del";
  /** Result text of a field (TOC, page numbers): not the person's words. */
  field?: boolean;
}

export interface Paragraph {
  kind: "p";
  style?: string;
  /** The box's "To be completed:" line (by style name: LibreOffice renames style ids). */
  label?: boolean;
  /** 1-based heading level, from the style's outline level. */
  heading?: number;
  list?: { numId: string; level: number; ordered: boolean };
  runs: Run[];
}

export interface TableBlock {
  kind: "table";
  rows: Paragraph[][][];
}

export type BlockContent = Paragraph | TableBlock;

export interface Block {
  content: BlockContent;
  /** Tracked changes in the block, by author. */
  changes: { kind: string; author: string }[];
  /** Ids of comments anchored in the block. */
  comments: string[];
  /** Inside a table of contents or another document-part content control. */
  generated: boolean;
}

export interface Comment {
  id: string;
  author: string;
  text: string;
}

export interface ReadDocx {
  blocks: Block[];
  /** Slot id → [first, last] block index, in document order. */
  slots: { id: string; first: number; last: number }[];
  comments: Map<string, Comment>;
  props: Record<string, string>;
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  bold?: boolean;
  italic?: boolean;
  outline?: number;
  numPr?: { numId: string; level: number };
}

const on = (el: XmlElement | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = el.attrs["w:val"];
  return v === undefined || !["false", "0", "off", "none"].includes(v);
};

function readStyles(styles: XmlElement | undefined): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  for (const s of styles ? elements(styles).filter((e) => e.name === "w:style") : []) {
    const id = s.attrs["w:styleId"];
    if (!id) continue;
    const rPr = child(s, "w:rPr");
    const pPr = child(s, "w:pPr");
    const outline = pPr && child(pPr, "w:outlineLvl")?.attrs["w:val"];
    const numPr = pPr && child(pPr, "w:numPr");
    const info: StyleInfo = { name: child(s, "w:name")?.attrs["w:val"] ?? id };
    const basedOn = child(s, "w:basedOn")?.attrs["w:val"];
    if (basedOn) info.basedOn = basedOn;
    const b = on(rPr && child(rPr, "w:b")), i = on(rPr && child(rPr, "w:i"));
    if (b !== undefined) info.bold = b;
    if (i !== undefined) info.italic = i;
    if (outline !== undefined && /^\d$/.test(outline)) info.outline = Number(outline);
    const numId = numPr && child(numPr, "w:numId")?.attrs["w:val"];
    if (numId) info.numPr = { numId, level: Number(child(numPr!, "w:ilvl")?.attrs["w:val"] ?? 0) };
    map.set(id, info);
  }
  return map;
}

/** A style property, looked up along `basedOn` (bounded: a cycle in a damaged file ends the walk). */
function inherited<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | undefined, key: K): StyleInfo[K] | undefined {
  for (let i = 0, cur = id; cur && i < 20; i++) {
    const s = styles.get(cur);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    cur = s.basedOn;
  }
  return undefined;
}

/** numId → level → ordered? (anything but a bullet or no number is an ordered list). */
function readNumbering(numbering: XmlElement | undefined): (numId: string, level: number) => boolean {
  const abstract = new Map<string, Map<number, string>>();
  const nums = new Map<string, string>();
  for (const el of numbering ? elements(numbering) : []) {
    if (el.name === "w:abstractNum") {
      const levels = new Map<number, string>();
      for (const lvl of elements(el).filter((e) => e.name === "w:lvl")) {
        levels.set(Number(lvl.attrs["w:ilvl"] ?? 0), child(lvl, "w:numFmt")?.attrs["w:val"] ?? "decimal");
      }
      abstract.set(el.attrs["w:abstractNumId"] ?? "", levels);
    } else if (el.name === "w:num") {
      nums.set(el.attrs["w:numId"] ?? "", child(el, "w:abstractNumId")?.attrs["w:val"] ?? "");
    }
  }
  return (numId, level) => {
    const fmt = abstract.get(nums.get(numId) ?? "")?.get(level) ?? "bullet";
    return fmt !== "bullet" && fmt !== "none";
  };
}

function readCustomProps(custom: XmlElement | undefined): Record<string, string> {
  const props: Record<string, string> = {};
  for (const p of custom ? elements(custom).filter((e) => e.name === "property") : []) {
    const name = p.attrs["name"];
    if (name) props[name] = textContent(p);
  }
  return props;
}

function readComments(comments: XmlElement | undefined): Map<string, Comment> {
  const map = new Map<string, Comment>();
  for (const c of comments ? elements(comments).filter((e) => e.name === "w:comment") : []) {
    const id = c.attrs["w:id"] ?? "";
    const text = elements(c).filter((e) => e.name === "w:p").map((p) => plainText(p)).join(" ").replace(/\s+/g, " ").trim();
    map.set(id, { id, author: c.attrs["w:author"] ?? "unknown", text });
  }
  return map;
}

function plainText(el: XmlElement): string {
  if (el.name === "w:t" || el.name === "w:delText") return textContent(el);
  if (el.name === "w:tab") return " ";
  return elements(el).map(plainText).join("");
}

const SLOT_TAG = /^edih:(.+)$/;

/** Reads a package opened by openDocx. */
export function readDocx(pkg: DocxPackage, opts: { slotIds?: readonly string[] } = {}): ReadDocx {
  const styles = readStyles(pkg.styles);
  const ordered = readNumbering(pkg.numbering);
  const props = readCustomProps(pkg.custom);
  const links = new Map<string, string>();
  for (const r of pkg.rels ? elements(pkg.rels) : []) {
    if (r.attrs["TargetMode"] === "External" && r.attrs["Id"] && r.attrs["Target"]) links.set(r.attrs["Id"], r.attrs["Target"]);
  }
  // Bookmark names back to slot ids: through the ids the DOCX lists, else by undoing the underscores.
  const known = new Map<string, string>();
  const knownEnds = new Map<string, string>();
  const learn = (id: string) => {
    known.set(slotBookmarkName(id), id);
    knownEnds.set(slotBookmarkName(id, SLOT_END_PREFIX), id);
  };
  for (const id of opts.slotIds ?? []) learn(id);
  for (const key of Object.keys(props)) {
    const m = /^edih\.slot\.(.+)$/.exec(key);
    if (m) learn(m[1]!);
  }
  const decode = (name: string, prefix: string, map: Map<string, string>): string | undefined =>
    name.startsWith(prefix) ? map.get(name) ?? name.slice(prefix.length).replace(/_/g, "-") : undefined;

  const blocks: Block[] = [];
  // Range marks in document order: bookmark starts/ends and tagged content controls, by block index.
  const starts: { slot: string; block: number }[] = [];
  const endMarks: { slot: string; block: number }[] = [];
  const controls: { slot: string; block: number }[] = [];
  const fields: { instr: string; result: boolean }[] = [];
  let current: Block | undefined;
  let generated = 0;

  const mark = (el: XmlElement, blockIndex: number) => {
    if (el.name === "w:bookmarkStart") {
      const name = el.attrs["w:name"] ?? "";
      const endOf = decode(name, SLOT_END_PREFIX, knownEnds);
      const slot = endOf === undefined ? decode(name, SLOT_BOOKMARK_PREFIX, known) : undefined;
      if (endOf) endMarks.push({ slot: endOf, block: blockIndex });
      if (slot) starts.push({ slot, block: blockIndex });
    }
  };

  const sdtSlot = (sdt: XmlElement): string | undefined => {
    const pr = child(sdt, "w:sdtPr");
    const tag = pr && (child(pr, "w:tag")?.attrs["w:val"] ?? child(pr, "w:alias")?.attrs["w:val"]);
    return tag ? SLOT_TAG.exec(tag)?.[1] : undefined;
  };
  const isDocPart = (sdt: XmlElement) => Boolean(child(sdt, "w:sdtPr") && child(child(sdt, "w:sdtPr")!, "w:docPartObj"));

  const runsOf = (el: XmlElement, fmt: { link?: string; change?: "ins" | "del" }, out: Run[], blockIndex: number, para: { style?: string }): void => {
    for (const c of elements(el)) {
      switch (c.name) {
        case "w:r": readRun(c, fmt, out, para); break;
        case "w:hyperlink": {
          const id = c.attrs["r:id"];
          const url = id ? links.get(id) : undefined;
          runsOf(c, { ...fmt, ...(url ? { link: url } : {}) }, out, blockIndex, para);
          break;
        }
        case "w:ins": case "w:moveTo":
          current!.changes.push({ kind: "insertion", author: c.attrs["w:author"] ?? "unknown" });
          runsOf(c, { ...fmt, change: "ins" }, out, blockIndex, para);
          break;
        case "w:del": case "w:moveFrom":
          current!.changes.push({ kind: "deletion", author: c.attrs["w:author"] ?? "unknown" });
          runsOf(c, { ...fmt, change: "del" }, out, blockIndex, para);
          break;
        case "w:sdt": {
          const slot = sdtSlot(c);
          if (slot) controls.push({ slot, block: blockIndex });
          const content = child(c, "w:sdtContent");
          if (content) runsOf(content, fmt, out, blockIndex, para);
          break;
        }
        case "w:fldSimple": {
          const instr = c.attrs["w:instr"] ?? "";
          const url = /^\s*HYPERLINK\s+"([^"]+)"/.exec(instr)?.[1];
          const before = out.length;
          runsOf(c, { ...fmt, ...(url ? { link: url } : {}) }, out, blockIndex, para);
          if (!url) for (let i = before; i < out.length; i++) out[i]!.field = true;
          break;
        }
        case "w:smartTag": case "w:customXml": case "w:dir": case "w:bdo":
          runsOf(c, fmt, out, blockIndex, para);
          break;
        case "w:commentRangeStart":
          current!.comments.push(c.attrs["w:id"] ?? "");
          break;
        case "w:bookmarkStart": case "w:bookmarkEnd":
          mark(c, blockIndex);
          break;
        default:
          break;
      }
    }
  };

  const readRun = (r: XmlElement, fmt: { link?: string; change?: "ins" | "del" }, out: Run[], para: { style?: string }) => {
    const rPr = child(r, "w:rPr");
    const rStyle = rPr && child(rPr, "w:rStyle")?.attrs["w:val"];
    const bold = on(rPr && child(rPr, "w:b")) ?? inherited(styles, rStyle, "bold") ?? false;
    const italic = on(rPr && child(rPr, "w:i")) ?? inherited(styles, rStyle, "italic") ?? false;
    if (rPr) for (const ch of elements(rPr)) if (ch.name === "w:rPrChange") current!.changes.push({ kind: "format change", author: ch.attrs["w:author"] ?? "unknown" });
    void para;
    const base = { bold, italic, ...(fmt.link ? { link: fmt.link } : {}), ...(fmt.change ? { change: fmt.change } : {}) };
    for (const c of elements(r)) {
      const top = fields[fields.length - 1];
      if (c.name === "w:fldChar") {
        const type = c.attrs["w:fldCharType"];
        if (type === "begin") fields.push({ instr: "", result: false });
        else if (type === "separate" && top) top.result = true;
        else if (type === "end") fields.pop();
        continue;
      }
      if (c.name === "w:instrText") {
        if (top) top.instr += textContent(c);
        continue;
      }
      if (top && !top.result) continue;
      // Text of a field's result: a HYPERLINK field is a link the person made; anything else is generated.
      const fieldUrl = top ? /^\s*HYPERLINK\s+"([^"]+)"/.exec(top.instr)?.[1] : undefined;
      const extra = top ? (fieldUrl ? { link: fieldUrl } : { field: true }) : {};
      const push = (text: string) => {
        const run: Run = { ...base, ...extra, text };
        if (generated > 0) run.field = true;
        out.push(run);
      };
      switch (c.name) {
        case "w:t": case "w:delText": push(textContent(c)); break;
        case "w:tab": case "w:ptab": push("\t"); break;
        case "w:noBreakHyphen": push("-"); break;
        case "w:softHyphen": break;
        case "w:br": case "w:cr":
          if (!c.attrs["w:type"] || c.attrs["w:type"] === "textWrapping") out.push({ ...base, text: "", break: true });
          break;
        default: break;
      }
    }
  };

  const readParagraph = (p: XmlElement, blockIndex: number): Paragraph => {
    const pPr = child(p, "w:pPr");
    const style = pPr && child(pPr, "w:pStyle")?.attrs["w:val"];
    const para: Paragraph = { kind: "p", ...(style ? { style } : {}), runs: [] };
    if (style && (style === FILL_LABEL_STYLE || styles.get(style)?.name === FILL_LABEL_STYLE_NAME)) para.label = true;
    if (pPr) {
      for (const ch of elements(pPr)) if (ch.name === "w:pPrChange") current!.changes.push({ kind: "format change", author: ch.attrs["w:author"] ?? "unknown" });
      const markRPr = child(pPr, "w:rPr");
      for (const ch of markRPr ? elements(markRPr) : []) {
        if (ch.name === "w:ins" || ch.name === "w:del") current!.changes.push({ kind: ch.name === "w:ins" ? "insertion" : "deletion", author: ch.attrs["w:author"] ?? "unknown" });
      }
    }
    const outline = (pPr && child(pPr, "w:outlineLvl")?.attrs["w:val"]) ?? inherited(styles, style, "outline");
    const styleName = style ? styles.get(style)?.name ?? style : "";
    const named = /^heading\s*(\d)$/i.exec(styleName)?.[1];
    const level = outline !== undefined && /^\d$/.test(String(outline)) && Number(outline) < 9 ? Number(outline) + 1 : named ? Number(named) : undefined;
    if (level !== undefined) para.heading = level;
    const numPr = pPr && child(pPr, "w:numPr");
    const direct = numPr && child(numPr, "w:numId")?.attrs["w:val"];
    const viaStyle = inherited(styles, style, "numPr");
    const numId = direct ?? viaStyle?.numId;
    if (numId && numId !== "0") {
      const lvl = Number((numPr && child(numPr, "w:ilvl")?.attrs["w:val"]) ?? viaStyle?.level ?? 0);
      para.list = { numId, level: lvl, ordered: ordered(numId, lvl) };
    }
    runsOf(p, {}, para.runs, blockIndex, para);
    return para;
  };

  const readCell = (tc: XmlElement, blockIndex: number, out: Paragraph[]) => {
    for (const c of elements(tc)) {
      if (c.name === "w:p") out.push(readParagraph(c, blockIndex));
      else if (c.name === "w:tbl") for (const row of elements(c).filter((e) => e.name === "w:tr")) for (const cell of elements(row).filter((e) => e.name === "w:tc")) readCell(cell, blockIndex, out);
      else if (c.name === "w:sdt") { const content = child(c, "w:sdtContent"); if (content) readCell(content, blockIndex, out); }
      else if (c.name === "w:bookmarkStart" || c.name === "w:bookmarkEnd") mark(c, blockIndex);
    }
  };

  const readTable = (tbl: XmlElement, blockIndex: number): TableBlock => {
    const rows: Paragraph[][][] = [];
    for (const tr of elements(tbl)) {
      if (tr.name === "w:bookmarkStart" || tr.name === "w:bookmarkEnd") { mark(tr, blockIndex); continue; }
      if (tr.name !== "w:tr") continue;
      const cells: Paragraph[][] = [];
      for (const tc of elements(tr)) {
        if (tc.name === "w:bookmarkStart" || tc.name === "w:bookmarkEnd") { mark(tc, blockIndex); continue; }
        if (tc.name !== "w:tc") continue;
        const paras: Paragraph[] = [];
        readCell(tc, blockIndex, paras);
        cells.push(paras);
      }
      rows.push(cells);
    }
    return { kind: "table", rows };
  };

  const walkBody = (container: XmlElement) => {
    for (const c of elements(container)) {
      if (c.name === "w:p" || c.name === "w:tbl") {
        current = { content: { kind: "p", runs: [] }, changes: [], comments: [], generated: generated > 0 };
        const index = blocks.length;
        blocks.push(current);
        current.content = c.name === "w:p" ? readParagraph(c, index) : readTable(c, index);
      } else if (c.name === "w:sdt") {
        const slot = sdtSlot(c);
        const content = child(c, "w:sdtContent");
        const docPart = isDocPart(c);
        const first = blocks.length;
        if (docPart) generated++;
        if (content) walkBody(content);
        if (docPart) generated--;
        if (slot && blocks.length > first) controls.push({ slot, block: first }, { slot, block: blocks.length - 1 });
      } else if (c.name === "w:bookmarkStart") {
        mark(c, blocks.length);
      } else if (c.name === "w:bookmarkEnd") {
        mark(c, blocks.length - 1);
      } else if (c.name === "w:customXml") {
        walkBody(c);
      }
    }
  };
  walkBody(child(pkg.document, "w:body")!);

  // A slot starts at the first start of its bookmark (LibreOffice writes one bookmark back as
  // several) and ends before its end mark.
  // A content control tagged edih:<slot> (as Word writes them) spans its own blocks.
  const ranges = new Map<string, { first: number; last: number }>();
  for (const c of controls) {
    const r = ranges.get(c.slot);
    if (r) { r.first = Math.min(r.first, c.block); r.last = Math.max(r.last, c.block); } else ranges.set(c.slot, { first: c.block, last: c.block });
  }
  // A bookmarked slot starts at the first start of its bookmark (LibreOffice writes one bookmark
  // back as several) and ends before its end mark, which sits at the start of what follows: what
  // was typed after the slot's last paragraph is still the slot's. LibreOffice moves a range
  // bookmark's end as a person types (7.4), so that end is not used. Without an end mark (the
  // slot ends the document) a slot runs to the next slot or to the end.
  const firstStart = new Map<string, number>();
  for (const s of starts) if (!ranges.has(s.slot)) firstStart.set(s.slot, Math.min(firstStart.get(s.slot) ?? s.block, s.block));
  const firsts = [...firstStart.values(), ...[...ranges.values()].map((r) => r.first)];
  for (const [slot, first] of firstStart) {
    const end = endMarks.filter((e) => e.slot === slot && e.block > first).map((e) => e.block)[0];
    const next = Math.min(blocks.length, ...firsts.filter((f) => f > first));
    ranges.set(slot, { first, last: (end !== undefined ? Math.min(end, next) : next) - 1 });
  }
  const slots = [...ranges].map(([id, r]) => ({ id, first: Math.max(0, r.first), last: Math.min(blocks.length - 1, r.last) }))
    .sort((a, b) => a.first - b.first);
  return { blocks, slots, comments: readComments(pkg.comments), props };
}

/** Plain text of a block as a person reads it (tracked deletions left out), for comparing and headings. */
export function blockText(block: Block, opts: { withGenerated?: boolean } = {}): string {
  const paraText = (p: Paragraph) => p.runs.filter((r) => r.change !== "del" && (opts.withGenerated || !r.field)).map((r) => (r.break ? " " : r.text)).join("");
  const c = block.content;
  const text = c.kind === "p" ? paraText(c) : c.rows.map((row) => row.map((cell) => cell.map(paraText).join(" ")).join(" ")).join(" ");
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
