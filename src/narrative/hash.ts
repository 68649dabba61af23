import { sha256 } from "../domain/hash.js";
import type { NarrativeFile } from "./load.js";

/**
 * The narrative part of one output's inputs: the files of its document copy in its language by
 * content, and the other languages' files by presence only (they change just the "written in
 * English only" note). Undefined when the copy has no narrative, so adding this part to the hash
 * does not make every earlier build stale.
 */
export function narrativeHash(files: readonly NarrativeFile[], job: { document: string; lang: string; partner?: string }): string | undefined {
  const mine = files.filter((f) => f.document === job.document && f.partner === job.partner && f.text.trim() !== "");
  if (!mine.length) return undefined;
  const parts = mine.map((f) => (f.lang === job.lang ? `${f.path}\0${f.sha256}` : `${f.path}\0present`)).sort();
  return sha256(parts.join("\n"));
}
