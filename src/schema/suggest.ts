// Near-miss suggestions ("did you mean `name`?") for keys, enum values and references.

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
 * The closest candidate when it is close enough to be a typo: at most a third of the word's
 * length (and at least 1, at most 3) edits, ignoring case, `_` vs `-` and spaces. Ties keep the
 * earlier candidate, so the answer is deterministic.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "-");
  const target = norm(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const n = norm(c);
    if (n === target) return c;
    const dist = editDistance(target, n);
    if (dist < bestDistance) { best = c; bestDistance = dist; }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  return bestDistance <= limit ? best : undefined;
}
