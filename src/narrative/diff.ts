/**
 * Narrative changes between two versions of an application, per slot file: what a consultant
 * tells co-authors ("needs-analysis.en: +120 −35 words"). Pure over the read files.
 */
import type { NarrativeFile } from "./load.js";
import { parseNarrative, plainText } from "./markdown.js";
import { wordDelta } from "./word-diff.js";

export interface NarrativeChange {
  path: string;
  document: string;
  partner: string | null;
  slot: string;
  lang: "bg" | "en";
  change: "added" | "removed" | "changed";
  wordsAdded: number;
  wordsRemoved: number;
}

const wordsOf = (f: NarrativeFile | undefined) => (f ? plainText(parseNarrative(f.text)).split(/\s+/u).filter(Boolean) : []);

export function diffNarrative(olds: readonly NarrativeFile[], news: readonly NarrativeFile[]): NarrativeChange[] {
  const byPath = (list: readonly NarrativeFile[]) => new Map(list.map((f) => [f.path, f]));
  const a = byPath(olds), b = byPath(news);
  const out: NarrativeChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const o = a.get(path), n = b.get(path);
    if (o && n && o.text === n.text) continue;
    const f = (n ?? o)!;
    const { added, removed } = wordDelta(wordsOf(o), wordsOf(n));
    if (o && n && added === 0 && removed === 0) continue; // only Markdown marks or spacing changed
    out.push({ path, document: f.document, partner: f.partner ?? null, slot: f.slot, lang: f.lang,
      change: !o ? "added" : !n ? "removed" : "changed", wordsAdded: added, wordsRemoved: removed });
  }
  return out;
}

export function narrativeDiffLines(changes: readonly NarrativeChange[]): string[] {
  if (!changes.length) return [];
  const out = ["Narrative"];
  const sign = { added: "+", removed: "-", changed: "~" } as const;
  for (const c of changes) {
    const where = `${c.document}${c.partner ? `/${c.partner}` : ""}: ${c.slot} (${c.lang})`;
    out.push(`  ${sign[c.change]} ${c.change} ${where}  +${c.wordsAdded} −${c.wordsRemoved} words  ${c.path}`);
  }
  out.push("");
  return out;
}
