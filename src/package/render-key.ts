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
import type { DocumentText } from "../render/index.js";
import { sha256, stableJson } from "../domain/hash.js";
import { toolVersion } from "../domain/install.js";

export interface RenderKeyInput {
  format: "docx" | "pdf";
  /**
   * The document's text before parsing: its tree is a function of the Markdown (and of the draft
   * flag, in the mark), so the key is known before the parse, and a file kept from out/ costs no
   * parse at all.
   */
  text: Pick<DocumentText, "meta" | "labels" | "markdown">;
  draftMark?: string;
  who: { document: string; lang: string; partner?: string };
  /**
   * The narrative files of this document copy: this language's by content (sha256), the others'
   * by presence. Which of them fill a slot, and are stamped into the DOCX, follows from these and
   * the Markdown.
   */
  narrative: Record<string, string>;
  /**
   * What the tree got from narrative files (narrative/hash.ts: this language's files by content,
   * the others' by presence, since a slot written only in another language gets a note naming it).
   */
  inserted: string | undefined;
}

export function renderKey(input: RenderKeyInput): string {
  const { format, text, draftMark, who, narrative, inserted } = input;
  // Hashing the Markdown (30 KB for Part B) instead of serialising its tree (~280 KB of JSON, ~14 ms).
  return sha256(stableJson({ key: 2, tool: toolVersion(), format, meta: text.meta, labels: text.labels, markdown: text.markdown,
    draftMark: draftMark ?? null, who, narrative, inserted: inserted ?? null }));
}
