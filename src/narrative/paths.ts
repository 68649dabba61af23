/**
 * Where narrative lives in an application folder:
 *   narrative/<document>/<slot>.<lang>.md              (one copy of the document)
 *   narrative/<document>/<partner>/<slot>.<lang>.md    (a document issued per partner)
 */
import { join } from "node:path";

export const NARRATIVE_DIR = "narrative";
const FILE = /^([\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*)\.(bg|en)\.md$/u;

export interface NarrativeKey {
  document: string;
  partner?: string;
  slot: string;
  lang: "bg" | "en";
}

/** Display path, always with forward slashes: `narrative/part-b/summary.en.md`. */
export function narrativePath(key: NarrativeKey): string {
  return [NARRATIVE_DIR, key.document, ...(key.partner ? [key.partner] : []), `${key.slot}.${key.lang}.md`].join("/");
}

export function narrativeAbs(projectDir: string, key: NarrativeKey): string {
  return join(projectDir, ...narrativePath(key).split("/"));
}

/** Parses `<slot>.<lang>.md`; undefined when the name does not have that shape. */
export function parseFileName(name: string): { slot: string; lang: "bg" | "en" } | undefined {
  const m = FILE.exec(name.normalize("NFC"));
  return m ? { slot: m[1]!, lang: m[2] as "bg" | "en" } : undefined;
}

/** One key per document, partner and slot; the language apart. */
export function slotKey(document: string, partner: string | undefined, slot: string): string {
  return `${document}/${partner ?? ""}/${slot}`;
}
