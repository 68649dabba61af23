import type { Nodes, Root, RootContent, PhrasingContent, Text } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { directiveFromMarkdown } from "mdast-util-directive";
import { gfmTable } from "micromark-extension-gfm-table";
import { frontmatter } from "micromark-extension-frontmatter";
import { directive } from "micromark-extension-directive";
import { slotData, SLOT_ID } from "./slots.js";

/** Every node type the tree can hold; the writers must handle each (see Handlers). */
export type DocNode = Nodes;
export type NodeType = DocNode["type"];
export type NodeOf<K extends NodeType> = Extract<DocNode, { type: K }>;

/**
 * One handler per node type. A writer declares `const h: Handlers<Ctx, Out> = {...}`; leaving a type
 * out (or a new one appearing in the union) is a compile error, so DOCX and PDF cannot drift apart.
 */
export type Handlers<C, R> = { readonly [K in NodeType]: (node: NodeOf<K>, ctx: C) => R };

export function dispatch<C, R>(handlers: Handlers<C, R>, node: DocNode, ctx: C): R {
  return (handlers[node.type] as (n: DocNode, c: C) => R)(node, ctx);
}

/** The directives of TEMPLATES.md, by the kind of directive syntax each uses. */
export const LEAF_DIRECTIVES = ["page-break", "toc"] as const;
export const CONTAINER_DIRECTIVES = ["fill", "signatures", "key-value"] as const;
export const TEXT_DIRECTIVES = ["blank"] as const;
/**
 * `:::note` holds a note from the tool to the consultant ("rates to check", "illustrative
 * figures"). It never reaches a writer: a final document drops it (the build report lists it),
 * a `--draft` document shows it as a quotation block.
 */
export const NOTE_DIRECTIVE = "note";
export type LeafName = (typeof LEAF_DIRECTIVES)[number];
export type ContainerName = (typeof CONTAINER_DIRECTIVES)[number];
export type TextName = (typeof TEXT_DIRECTIVES)[number];
export type DirectiveName = LeafName | ContainerName | TextName;

/** Per-directive handlers, exhaustive in the same way as Handlers. */
export type DirectiveHandlers<C, R> = {
  readonly [K in LeafName]: (node: LeafDirective, ctx: C) => R } & {
  readonly [K in ContainerName]: (node: ContainerDirective, ctx: C) => R } & {
  readonly [K in TextName]: (node: TextDirective, ctx: C) => R };

export function directiveHandler<C, R>(h: DirectiveHandlers<C, R>, node: ContainerDirective | LeafDirective | TextDirective): ((n: never, c: C) => R) {
  return h[node.name as DirectiveName] as (n: never, c: C) => R;
}

export interface TreeProblem {
  message: string;
  /** Warning unless said: a slot without a usable id is an error of the template. */
  severity?: "error" | "warning";
  line?: number;
  column?: number;
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), frontmatter(["yaml"]), directive()],
    mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(["yaml"]), directiveFromMarkdown()],
  });
}

function sourceOf(node: DocNode, markdown: string): string {
  const s = node.position?.start.offset, e = node.position?.end.offset;
  return s !== undefined && e !== undefined ? markdown.slice(s, e) : "";
}

const known = (list: readonly string[], name: string) => list.includes(name);

/**
 * Makes the parsed tree safe for the writers: unknown directives turn back into the literal text
 * they came from (a stray `:word` in prose is not a directive), front matter nodes are dropped,
 * `fills` counts `:::fill` boxes and `:blank[]` markers, and `:::note` blocks are taken out into
 * `notes` (kept in the tree as quotation blocks only when `keepNotes`, for `--draft`).
 */
export function normaliseTree(root: Root, markdown: string, opts: { keepNotes?: boolean } = {}):
  { tree: Root; fills: number; notes: string[]; problems: TreeProblem[] } {
  const problems: TreeProblem[] = [];
  const slots = new Set<string>();
  const notes: string[] = [];
  let fills = 0;

  function fixInline(nodes: PhrasingContent[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (const n of nodes) {
      if (n.type === "textDirective" && !known(TEXT_DIRECTIVES, n.name)) {
        const text: Text = { type: "text", value: sourceOf(n, markdown) || `:${n.name}`, position: n.position };
        out.push(text);
        continue;
      }
      if (n.type === "textDirective") fills++;
      if ("children" in n && Array.isArray(n.children)) {
        (n as { children: PhrasingContent[] }).children = fixInline(n.children as PhrasingContent[]);
      }
      out.push(n);
    }
    // Adjacent text nodes come from un-directived text; merging keeps snapshots and writers simple.
    const merged: PhrasingContent[] = [];
    for (const n of out) {
      const prev = merged[merged.length - 1];
      if (n.type === "text" && prev?.type === "text") prev.value += n.value;
      else merged.push(n);
    }
    return merged;
  }

  function fixBlocks(nodes: RootContent[]): RootContent[] {
    const out: RootContent[] = [];
    for (const n of nodes) {
      if (n.type === "yaml") continue;
      if (n.type === "containerDirective" && n.name === NOTE_DIRECTIVE) {
        const body = fixBlocks(n.children as RootContent[]);
        notes.push(body.map((b) => textOf(b as DocNode).trim()).filter(Boolean).join(" "));
        if (opts.keepNotes) out.push({ type: "blockquote", children: body as never, position: n.position });
        continue;
      }
      if ((n.type === "leafDirective" && !known(LEAF_DIRECTIVES, n.name)) ||
          (n.type === "containerDirective" && !known(CONTAINER_DIRECTIVES, n.name))) {
        problems.push({ message: `unknown directive "${n.name}" is shown as text (known: ${[...LEAF_DIRECTIVES, ...CONTAINER_DIRECTIVES].join(", ")})`,
          line: n.position?.start.line, column: n.position?.start.column });
        out.push({ type: "paragraph", children: [{ type: "text", value: sourceOf(n, markdown) }], position: n.position });
        continue;
      }
      if (n.type === "containerDirective" && n.name === "fill") {
        const id = n.attributes?.id ?? undefined;
        const at = { line: n.position?.start.line, column: n.position?.start.column };
        if (!id) problems.push({ message: "a :::fill box has no slot id: write :::fill{#some-id}", severity: "error", ...at });
        else if (!SLOT_ID.test(id)) problems.push({ message: `slot id "${id}" is not kebab-case (lower-case letters, digits, single hyphens)`, severity: "error", ...at });
        else if (slots.has(id)) problems.push({ message: `slot id "${id}" is used twice in the document: each :::fill needs its own id`, severity: "error", ...at });
        if (id) {
          slots.add(id);
          const data = slotData(n);
          data.slot = id;
          // `from="hub.summary"`: the box holds a YAML field's text, so it is already written.
          const from = n.attributes?.from;
          if (from) { data.filled = true; data.source = `yaml:${from}`; }
        }
        if (!slotData(n).filled) fills++;
      }
      if (n.type === "paragraph" || n.type === "heading") {
        n.children = fixInline(n.children);
      } else if (n.type === "table") {
        for (const row of n.children) for (const cell of row.children) cell.children = fixInline(cell.children);
      } else if (n.type === "leafDirective") {
        n.children = fixInline(n.children);
      } else if ("children" in n && Array.isArray(n.children)) {
        (n as { children: RootContent[] }).children = fixBlocks(n.children as RootContent[]);
      }
      out.push(n);
    }
    return out;
  }

  root.children = fixBlocks(root.children);
  return { tree: root, fills, notes, problems };
}

/** Position-free, JSON-friendly view of a tree: what golden tests compare. */
export function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (node && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "position" || v === undefined) continue;
      out[k] = stripPositions(v);
    }
    return out;
  }
  return node;
}

/** Plain text of a subtree, in document order (headings for TOC/outline, tests). */
export function textOf(node: DocNode): string {
  if ("value" in node && typeof node.value === "string") return node.type === "html" || node.type === "text" || node.type === "inlineCode" ? node.value : "";
  if ("children" in node && Array.isArray(node.children)) return (node.children as DocNode[]).map(textOf).join("");
  if (node.type === "break") return " ";
  return "";
}
