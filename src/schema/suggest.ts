// "Did you mean" for every near miss edih reports: schema keys and enum values, call ids, NUTS
// codes, partner references, narrative documents and slots. One home, one limit (see suggest).

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate when it is close enough to be a typo, ignoring case, `_` vs `-` and spaces.
 * The limit is a third of the word's length, at least 1 and at most 3 edits: identifiers here are
 * short (NUTS codes of 4–5 characters, ids like `uni`), where 2 edits already reach a different
 * code (BG35 → BG41), and more than 3 edits is no longer a typo. Ties go to the first candidate in
 * sort order, so the answer does not depend on the order the candidates come in.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "-");
  const target = norm(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = norm(c) === target ? 0 : editDistance(target, norm(c));
    if (dist < bestDistance || (dist === bestDistance && best !== undefined && c < best)) { best = c; bestDistance = dist; }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

/** The hint for a near miss: `did you mean "x"?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  return s !== undefined ? `did you mean "${s}"?` : undefined;
}
