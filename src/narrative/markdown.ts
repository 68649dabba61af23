/**
 * Narrative Markdown → mdast, in the subset templates use. No Handlebars and no directives run on
 * narrative: `{{x}}` and `:::fill` are printed as written. Raw HTML and images are not part of the
 * subset and become their text, so a pasted `<script>` is shown, never interpreted.
 */
import type { Heading, PhrasingContent, Root, RootContent, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { LruMap } from "../domain/lru.js";

/**
 * Trees of narrative texts parsed lately, by text. Validation counts every file's words and each
 * document copy puts its files in, in each format: one edit in the watch loop parsed every file
 * of Part B three times. A pure function of its key, so it cannot go stale; callers get a copy
 * (insertNarrative hangs the nodes into a document that later steps change).
 */
const parsed = new LruMap<string, Root>(4 * 1024 * 1024, (_tree, text) => text.length);

export function parseNarrative(text: string): Root {
  let tree = parsed.get(text);
  if (!tree) parsed.set(text, (tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })));
  return structuredClone(tree);
}

/** Words and characters as a reader counts them: whitespace-separated words, Unicode code points. */
export function countText(text: string): { words: number; characters: number } {
  const plain = text.trim();
  return { words: plain ? plain.split(/\s+/u).length : 0, characters: [...plain].length };
}

/** The plain text of narrative Markdown (what a limit in characters counts). */
export function plainText(tree: Root): string {
  const blocks: string[] = [];
  const inline = (n: unknown): string => {
    const node = n as { type: string; value?: string; alt?: string; children?: unknown[] };
    if (typeof node.value === "string") return node.value;
    if (node.type === "image") return node.alt ?? "";
    if (node.type === "break") return "\n";
    return (node.children ?? []).map(inline).join("");
  };
  const walk = (n: unknown) => {
    const node = n as { type: string; children?: unknown[] };
    if (["paragraph", "heading", "tableCell", "code", "html"].includes(node.type)) blocks.push(inline(node));
    else for (const c of node.children ?? []) walk(c);
  };
  walk(tree);
  return blocks.filter((b) => b.trim()).join("\n");
}

/**
 * The narrative's blocks, ready to sit in a slot under a heading of depth `base`: its headings
 * move below that level, keeping their steps (the file's top heading, `#` or `###`, becomes
 * base + 1), HTML and images turn into text.
 */
export function narrativeBlocks(tree: Root, base: number): RootContent[] {
  let top = 7;
  const findTop = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === "heading") top = Math.min(top, n.depth);
      else if ("children" in n && Array.isArray(n.children)) findTop(n.children as RootContent[]);
    }
  };
  findTop(tree.children);
  const shift = base + 1 - top;
  const fixInline = (nodes: PhrasingContent[]): PhrasingContent[] => nodes.map((n): PhrasingContent => {
    if (n.type === "html") return { type: "text", value: n.value } satisfies Text;
    if (n.type === "image") return { type: "text", value: n.alt ?? "" } satisfies Text;
    if ("children" in n) (n as { children: PhrasingContent[] }).children = fixInline(n.children as PhrasingContent[]);
    return n;
  });
  const fixBlocks = (nodes: RootContent[]): RootContent[] => nodes.map((n): RootContent => {
    if (n.type === "html") return { type: "paragraph", children: [{ type: "text", value: n.value }] };
    if (n.type === "heading") {
      (n as Heading).depth = Math.max(1, Math.min(6, n.depth + shift)) as Heading["depth"];
      n.children = fixInline(n.children);
    } else if (n.type === "paragraph") n.children = fixInline(n.children);
    else if (n.type === "table") {
      for (const row of n.children) for (const cell of row.children) cell.children = fixInline(cell.children);
    } else if ("children" in n && Array.isArray(n.children)) {
      (n as { children: RootContent[] }).children = fixBlocks(n.children as RootContent[]);
    }
    return n;
  });
  return fixBlocks(tree.children);
}
