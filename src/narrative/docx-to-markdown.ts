/**
 * A slot's blocks (read from a DOCX) → mdast → Markdown, the subset narrative files use:
 * paragraphs, **bold**, *italic*, links, bullet and numbered lists, tables, headings. What a
 * DOCX has beyond that (colours, fonts, sizes) has no place in narrative and is not carried.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown, gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfmTable } from "micromark-extension-gfm-table";
import type { Block, Paragraph, Run } from "./docx-read.js";

/** Runs of one formatting joined; whitespace at the edges of bold/italic moved outside (`**a **` is not bold in Markdown). */
export function phrasing(runs: readonly Run[]): PhrasingContent[] {
  const kept = runs.filter((r) => r.change !== "del" && (r.text !== "" || r.break));
  const groups: { link: string | undefined; runs: Run[] }[] = [];
  for (const r of kept) {
    const last = groups[groups.length - 1];
    if (last && last.link === r.link) last.runs.push(r);
    else groups.push({ link: r.link, runs: [r] });
  }
  const out: PhrasingContent[] = [];
  for (const g of groups) {
    const inner = styled(g.runs);
    if (g.link) out.push({ type: "link", url: g.link, children: inner as never });
    else out.push(...inner);
  }
  return mergeText(out);
}

function styled(runs: readonly Run[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < runs.length) {
    const r = runs[i]!;
    if (r.break) {
      out.push({ type: "break" });
      i++;
      continue;
    }
    let text = "";
    while (i < runs.length && !runs[i]!.break && runs[i]!.bold === r.bold && runs[i]!.italic === r.italic) text += runs[i++]!.text;
    text = text.replace(/\t/g, " ");
    const core = text.trim();
    const lead = text.slice(0, text.length - text.trimStart().length);
    const trail = text.slice(text.trimEnd().length);
    if (!core || (!r.bold && !r.italic)) {
      out.push({ type: "text", value: text });
      continue;
    }
    let node: PhrasingContent = { type: "text", value: core };
    if (r.italic) node = { type: "emphasis", children: [node] };
    if (r.bold) node = { type: "strong", children: [node] };
    if (lead) out.push({ type: "text", value: lead });
    out.push(node);
    if (trail) out.push({ type: "text", value: trail });
  }
  return out;
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === "text" && prev?.type === "text") prev.value += n.value;
    else out.push(n);
  }
  // Spaces at the paragraph's ends and runs of spaces mean nothing in Markdown.
  for (const n of out) if (n.type === "text") n.value = n.value.replace(/[ \u00a0]{2,}/g, " ");
  const first = out[0], last = out[out.length - 1];
  if (first?.type === "text") first.value = first.value.trimStart();
  if (last?.type === "text") last.value = last.value.trimEnd();
  while (out[0]?.type === "break") out.shift();
  while (out[out.length - 1]?.type === "break") out.pop();
  return out.filter((n) => n.type !== "text" || n.value !== "");
}

const isEmpty = (p: Paragraph) => phrasing(p.runs).length === 0;

/** mdast of the blocks a slot holds: the box's label line and empty paragraphs left out. */
export function blocksToMdast(blocks: readonly Block[]): Root {
  const children: RootContent[] = [];
  let lists: List[] = [];
  for (const block of blocks) {
    const c = block.content;
    if (c.kind === "table") {
      lists = [];
      const rows = c.rows.filter((row) => row.length > 0);
      if (!rows.length) continue;
      const width = Math.max(...rows.map((r) => r.length));
      const table: Table = { type: "table", align: Array.from({ length: width }, () => null), children: rows.map((row) => ({
        type: "tableRow", children: Array.from({ length: width }, (_v, i): TableCell => ({ type: "tableCell",
          children: joinCell(row[i] ?? []) })) })) };
      children.push(table);
      continue;
    }
    if (c.label || isEmpty(c)) continue;
    const inline = phrasing(c.runs);
    if (c.list) {
      // lists[k]: the list open at depth k. A level deeper than one below the open lists nests one down.
      lists = lists.slice(0, c.list.level + 1);
      const top = lists[lists.length - 1];
      if (top && lists.length === c.list.level + 1 && top.ordered === c.list.ordered) {
        top.children.push(item(inline));
        continue;
      }
      if (top && lists.length === c.list.level + 1) lists.pop();
      const list = newList(c.list.ordered, inline);
      const parent = lists[lists.length - 1];
      if (parent) parent.children[parent.children.length - 1]!.children.push(list);
      else children.push(list);
      lists.push(list);
      continue;
    }
    lists = [];
    if (c.heading) children.push({ type: "heading", depth: Math.min(c.heading, 6) as 1, children: inline });
    else children.push({ type: "paragraph", children: inline });
  }
  // Headings in a slot sit below the document's own; the build places a narrative's headings
  // under the slot's level, so the file keeps them from level 1 (the same file at every round trip).
  const depths = children.flatMap((c) => (c.type === "heading" ? [c.depth] : []));
  const shift = depths.length ? Math.min(...depths) - 1 : 0;
  for (const c of children) if (c.type === "heading") c.depth = (c.depth - shift) as typeof c.depth;
  return { type: "root", children };
}

function newList(ordered: boolean, inline: PhrasingContent[]): List {
  return { type: "list", ordered, spread: false, ...(ordered ? { start: 1 } : {}), children: [item(inline)] };
}

function item(inline: PhrasingContent[]): ListItem {
  return { type: "listItem", spread: false, children: [{ type: "paragraph", children: inline }] };
}

function joinCell(paras: readonly Paragraph[]): PhrasingContent[] {
  const parts = paras.filter((p) => !isEmpty(p)).map((p) => phrasing(p.runs).map((n) => (n.type === "break" ? { type: "text", value: " " } as PhrasingContent : n)));
  const out: PhrasingContent[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push({ type: "text", value: " " });
    out.push(...p);
  });
  return mergeText(out);
}

/** The one way edih writes Markdown, so the same content always gives the same file. */
export function mdastToMarkdown(tree: Root): string {
  if (tree.children.length === 0) return "";
  return toMarkdown(tree, { bullet: "-", emphasis: "*", strong: "*", listItemIndent: "one", rule: "-", fences: true,
    extensions: [gfmTableToMarkdown()] });
}

export const blocksToMarkdown = (blocks: readonly Block[]): string => mdastToMarkdown(blocksToMdast(blocks));

/** A narrative file's text in that same form, to tell a real change from a difference in spelling the Markdown. */
export function canonicalMarkdown(markdown: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return mdastToMarkdown(tree);
}
