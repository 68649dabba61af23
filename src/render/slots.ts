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
