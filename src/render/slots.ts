import type { ContainerDirective } from "mdast-util-directive";

/**
 * What a `:::fill{#id}` node carries after rendering — the interface between the renderer, the
 * narrative insertion and the writers: `slot` is the id; `filled` means the node holds the
 * consultant's text (a narrative file, or a YAML field named by `from=`) and is written as plain
 * body content, not as a box to complete.
 */
export interface SlotData {
  slot?: string;
  filled?: boolean;
  /** Where the content came from when filled: a narrative file's path, or `yaml:<field>`. */
  source?: string;
}

/** Kebab-case: lower-case letters and digits of any script, single hyphens between them. */
export const SLOT_ID = /^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u;

export function slotData(node: ContainerDirective): SlotData {
  return (node.data ??= {}) as SlotData;
}

export function isFilled(node: ContainerDirective): boolean {
  return node.name === "fill" && (node.data as SlotData | undefined)?.filled === true;
}

/** Static check of a template's source: every `:::fill` opens with an id. */
export function idlessFills(source: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const m = /^(\s*):::fill\b(.*)$/.exec(text);
    if (m && !/\{[^}]*#/.test(m[2]!)) out.push({ line: i + 1, column: m[1]!.length + 1 });
  });
  return out;
}

/**
 * The slots of rendered Markdown, read from its `:::fill{…}` lines without parsing the document
 * (validation lists the slots of ~70 document copies; a full parse of each costs seconds). Fill
 * directives stand alone on their lines (docs/TEMPLATES.md), so a line scan sees each one. For a
 * box filled from YAML, `text` is its content up to the closing `:::`.
 */
export function slotsInMarkdown(markdown: string): { id: string; from?: string; text?: string }[] {
  const out: { id: string; from?: string; text?: string }[] = [];
  const lines = markdown.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = /^\s*:::fill\{([^}]*)\}\s*$/.exec(line);
    if (!m) return;
    const id = /(?:^|\s)#([^\s.#}]+)/.exec(m[1]!)?.[1] ?? /(?:^|\s)id="([^"]*)"/.exec(m[1]!)?.[1];
    if (!id) return;
    const from = /(?:^|\s)from="([^"]*)"/.exec(m[1]!)?.[1];
    if (!from) { out.push({ id }); return; }
    const end = lines.findIndex((l, j) => j > i && /^\s*:::\s*$/.test(l));
    const text = lines.slice(i + 1, end < 0 ? undefined : end).join("\n").replace(/\\(.)/g, "$1").trim();
    out.push({ id, from, text });
  });
  return out;
}
