// ЕИК / код по БУЛСТАТ checksums, exactly as the research note §4.1 gives them (source C1, checked
// against other public implementations). Note: C1 itself accepts a 9-digit code when only the second
// weighted sum matches; that is a bug and is NOT reproduced here.

export const digitsOf = (s: string): number[] => [...s].map((c) => c.charCodeAt(0) - 48);

function weighted(d: readonly number[], weights: readonly number[], offset: number): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i]! * d[offset + i]!;
  return s % 11;
}

function check9(d: readonly number[]): number {
  let s = weighted(d, [1, 2, 3, 4, 5, 6, 7, 8], 0);
  if (s === 10) {
    s = weighted(d, [3, 4, 5, 6, 7, 8, 9, 10], 0);
    if (s === 10) s = 0;
  }
  return s;
}

function check13(d: readonly number[]): number {
  let s = weighted(d, [2, 7, 3, 5], 8);
  if (s === 10) {
    s = weighted(d, [4, 9, 5, 7], 8);
    if (s === 10) s = 0;
  }
  return s;
}

/** Strips spaces and an old-style letter suffix ("121112103-Ю" → "121112103"). */
export function normaliseEik(raw: string): string {
  return raw.replace(/\s+/g, "").replace(/-[\p{L}]$/u, "");
}

export type EikProblem = "format" | "zeros" | "checksum-9" | "checksum-13";

/** undefined when valid; otherwise what is wrong. */
export function eikProblem(raw: string): EikProblem | undefined {
  const eik = normaliseEik(raw);
  if (!/^(\d{9}|\d{13})$/.test(eik)) return "format";
  if (/^0+$/.test(eik)) return "zeros"; // [I] reject all-zero codes
  const d = digitsOf(eik);
  if (check9(d) !== d[8]) return "checksum-9";
  if (eik.length === 13 && check13(d) !== d[12]) return "checksum-13";
  return undefined;
}

export function isValidEik(raw: string): boolean {
  return eikProblem(raw) === undefined;
}
