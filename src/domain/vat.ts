// Bulgarian VAT numbers (ИН по ДДС), research note §4.2 (source C2, python-stdnum bg/vat).
import { digitsOf, isValidEik } from "./eik.js";

const sum = (d: readonly number[], w: readonly number[]): number => w.reduce((acc, wi, i) => acc + wi * d[i]!, 0);

/** ЕГН: weights 2,4,8,5,10,9,7,3,6; mod 11, 10 → 0; digits 1-6 a valid birth date. */
export function isValidEgn(n: string): boolean {
  if (!/^\d{10}$/.test(n)) return false;
  const d = digitsOf(n);
  let c = sum(d, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
  if (c === 10) c = 0;
  if (c !== d[9]) return false;
  let year = Number(n.slice(0, 2));
  let month = Number(n.slice(2, 4));
  const day = Number(n.slice(4, 6));
  if (month > 40) { year += 2000; month -= 40; } else if (month > 20) { year += 1800; month -= 20; } else year += 1900;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ЛНЧ (personal number of a foreigner): weights 21,19,17,13,11,9,7,3,1; mod 10. */
export function isValidPnf(n: string): boolean {
  if (!/^\d{10}$/.test(n)) return false;
  const d = digitsOf(n);
  return sum(d, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 === d[9];
}

/** "Others": weights 4,3,2,7,6,5,4,3,2; c = 11 − (s mod 11); 11 → 0; 10 → invalid. */
export function isValidOtherVat10(n: string): boolean {
  if (!/^\d{10}$/.test(n)) return false;
  const d = digitsOf(n);
  let c = 11 - (sum(d, [4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  if (c === 11) c = 0;
  return c !== 10 && c === d[9];
}

export function normaliseVat(raw: string): string {
  return raw.replace(/[\s.-]/g, "").toUpperCase();
}

export type VatProblem = "format" | "checksum";

/** undefined when valid; only Bulgarian numbers (BG…) are checked. */
export function bgVatProblem(raw: string): VatProblem | undefined {
  const v = normaliseVat(raw);
  const m = /^BG(\d{9,10})$/.exec(v);
  if (!m) return "format";
  const n = m[1]!;
  if (n.length === 9) return isValidEik(n) ? undefined : "checksum";
  return isValidEgn(n) || isValidPnf(n) || isValidOtherVat10(n) ? undefined : "checksum";
}
