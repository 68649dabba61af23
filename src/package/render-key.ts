/**
 * What a document's writers are given, as one hash: its tree (as the Markdown it was parsed from,
 * and what the narrative files put into it), title and labels, the draft mark, the copy it is
 * (stamped into the DOCX), the format and the edih version (the writers and their fonts). The
 * writers are deterministic, so two renders with the same key give the same bytes
 * (tests/package/render-reuse.test.ts compares a rebuild with reused files to a fresh build).
 *
 * An input change reaches more documents than their text: a partner's short name is in the data
 * every founding document is made from, yet only Part B prints it (measured on the example: 24 of
 * the 28 document files such an edit made stale came out byte-identical). A build that finds the
 * key of the file already in out/ unchanged reuses those bytes instead of laying it out again.
 */
import type { RenderedDocument } from "../render/index.js";
import { sha256, stableJson } from "../domain/hash.js";
import { toolVersion } from "../domain/install.js";

export interface RenderKeyInput {
  format: "docx" | "pdf";
  document: RenderedDocument;
  draftMark?: string;
  who: { document: string; lang: string; partner?: string };
  /** The narrative file (sha256) each slot of the document holds; null for a slot left empty (stamped into the DOCX). */
  narrative: Record<string, string | null>;
  /**
   * What the tree got from narrative files (narrative/hash.ts: this language's files by content,
   * the others' by presence, since a slot written only in another language gets a note naming it).
   */
  inserted: string | undefined;
}

export function renderKey(input: RenderKeyInput): string {
  const { format, document, draftMark, who, narrative, inserted } = input;
  // The Markdown stands for the tree it was parsed from (the narrative's part is `inserted`):
  // hashing 30 KB of text instead of serialising Part B's tree (~280 KB of JSON, ~14 ms) keeps the
  // key off the watch loop's time to the first PDF.
  const text = document.markdown !== undefined ? { markdown: document.markdown } : { tree: document.tree };
  return sha256(stableJson({ key: 1, tool: toolVersion(), format, meta: document.meta, labels: document.labels, ...text,
    draftMark: draftMark ?? null, who, narrative, inserted: inserted ?? null }));
}
