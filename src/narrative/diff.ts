/**
 * Narrative changes between two versions of an application, per slot file: what a consultant
 * tells co-authors ("needs-analysis.en: +120 −35 words"). Pure over the read files.
 */
import type { NarrativeFile } from "./load.js";
import { parseNarrative, plainText } from "./markdown.js";

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

/** Above this many cells the word LCS would be slow; the multiset difference is close enough there. */
const LCS_CELLS = 4_000_000;

/** Words only in `b` (added) and only in `a` (removed), by a longest common subsequence of words. */
export function wordDelta(a: readonly string[], b: readonly string[]): { added: number; removed: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const x = a.slice(start, endA), y = b.slice(start, endB);
  if (x.length * y.length > LCS_CELLS) {
    const count = new Map<string, number>();
    for (const w of x) count.set(w, (count.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of y) { const n = count.get(w) ?? 0; if (n > 0) { common++; count.set(w, n - 1); } }
    return { added: y.length - common, removed: x.length - common };
  }
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  const common = prev[y.length]!;
  return { added: y.length - common, removed: x.length - common };
}

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
