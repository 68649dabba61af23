/** Words added and removed between two texts (longest common subsequence of their words). */
export function wordChanges(before: string, after: string): { added: number; removed: number } {
  const a = words(before), b = words(after);
  // A full table for texts of a few thousand words; beyond that, counting is close enough.
  if (a.length * b.length > 16_000_000) return bagChanges(a, b);
  let prev = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  const common = prev[b.length]!;
  return { added: b.length - common, removed: a.length - common };
}

const words = (s: string): string[] => s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? [];

function bagChanges(a: string[], b: string[]): { added: number; removed: number } {
  const count = new Map<string, number>();
  for (const w of a) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = count.get(w) ?? 0;
    if (n > 0) { common++; count.set(w, n - 1); }
  }
  return { added: b.length - common, removed: a.length - common };
}
