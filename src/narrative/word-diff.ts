/** Words added and removed between two texts, as `narrative pull` and `apply diff` report them. */

/** Words of a text as a person counts them (punctuation inside a word kept: "co-funding", "1,5"). */
const words = (s: string): string[] => s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? [];

export function wordChanges(before: string, after: string): { added: number; removed: number } {
  return wordDelta(words(before), words(after));
}

/** Above this many cells the word LCS would be slow; the multiset difference is close enough there. */
const LCS_CELLS = 4_000_000;

/** Words only in `b` (added) and only in `a` (removed), by a longest common subsequence of words. */
export function wordDelta(a: readonly string[], b: readonly string[]): { added: number; removed: number } {
  // The common head and tail (most of an edited text) need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const x = a.slice(start, endA), y = b.slice(start, endB);
  const common = x.length * y.length > LCS_CELLS ? commonBag(x, y) : commonLcs(x, y);
  return { added: y.length - common, removed: x.length - common };
}

function commonLcs(x: readonly string[], y: readonly string[]): number {
  let prev = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Uint32Array(y.length + 1);
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[y.length]!;
}

function commonBag(x: readonly string[], y: readonly string[]): number {
  const count = new Map<string, number>();
  for (const w of x) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of y) {
    const n = count.get(w) ?? 0;
    if (n > 0) { common++; count.set(w, n - 1); }
  }
  return common;
}
