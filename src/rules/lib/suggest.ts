// "Did you mean" for ids and codes (call ids, NUTS codes, partner references). Keys and enum
// values in schema errors use src/schema/suggest.ts, which normalises `_`/`-` and allows fewer
// edits; both measure with the same edit distance.
import { editDistance } from "../../schema/suggest.js";

/** The closest candidate (case-insensitive) within a third of the word's length, at least 2 edits; ties go to the first in sort order. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) { best = c; bestD = d; }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestD <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  return s !== undefined ? `did you mean "${s}"?` : undefined;
}
