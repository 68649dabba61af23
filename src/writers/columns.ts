/** Column widths proportional to the longest text in each column, with a floor so no column collapses. */
export function columnWeights(rows: string[][]): number[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const len = Array.from({ length: cols }, (_, c) => Math.max(3, ...rows.map((r) => Math.min(60, (r[c] ?? "").length))));
  const total = len.reduce((a, b) => a + b, 0) || 1;
  const floor = 0.6 / cols;
  const raw = len.map((l) => Math.max(floor, l / total));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

