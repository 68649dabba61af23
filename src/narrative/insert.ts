/**
 * Puts narrative files into a rendered document: each `:::fill{#slot}` whose file exists gets the
 * file's text as its children and `data.filled = true`, so every writer prints it as body text.
 */
import type { Root, RootContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { slotData } from "../render/slots.js";
import type { NarrativeFile } from "./load.js";
import { narrativeBlocks, parseNarrative } from "./markdown.js";

export interface SlotPlace {
  node: ContainerDirective;
  id: string;
  /** Depth of the heading the slot sits under (0 before any heading). */
  depth: number;
}

/** The slots of a rendered tree, in document order, with the heading level each sits under. */
export function slotsIn(tree: Root): SlotPlace[] {
  const out: SlotPlace[] = [];
  let depth = 0;
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === "heading") depth = n.depth;
      if (n.type === "containerDirective" && n.name === "fill") {
        const id = slotData(n).slot;
        if (id) out.push({ node: n, id, depth });
        continue;
      }
      if ("children" in n && Array.isArray(n.children)) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

const OTHER_LANGUAGE = {
  bg: (path: string, lang: string) => `Текстът на това поле е написан само на ${lang === "en" ? "английски" : lang}: ${path}.`,
  en: (path: string, lang: string) => `The text of this slot is written only in ${lang === "bg" ? "Bulgarian" : lang}: ${path}.`,
};

export interface InsertResult {
  /** Slots that received a narrative file's text. */
  filled: number;
}

/**
 * `files` are the narrative files of this document copy (its document and partner), every
 * language. A file whose text is only whitespace counts as not written. Files matching no slot
 * are validation's to report (facts.ts), once, not once per rendered copy.
 */
export function insertNarrative(tree: Root, files: readonly NarrativeFile[], lang: "bg" | "en"): InsertResult {
  const written = files.filter((f) => f.text.trim() !== "");
  const slots = slotsIn(tree);
  let filled = 0;
  for (const place of slots) {
    const own = written.find((f) => f.slot === place.id && f.lang === lang);
    const data = slotData(place.node);
    if (own) {
      place.node.children = narrativeBlocks(parseNarrative(own.text), place.depth) as ContainerDirective["children"];
      if (!data.filled) filled++;
      data.filled = true;
      data.source = own.path;
      continue;
    }
    if (data.filled) continue;
    const other = written.find((f) => f.slot === place.id && f.lang !== lang);
    if (other) {
      place.node.children = [{ type: "paragraph", children: [{ type: "emphasis", children: [{ type: "text", value: OTHER_LANGUAGE[lang](other.path, other.lang) }] }] },
        ...place.node.children];
    }
  }
  return { filled };
}
