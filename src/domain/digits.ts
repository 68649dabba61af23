/**
 * Digits grouped in threes. Written by hand rather than with `toLocaleString`: its first call
 * loads ICU's number formatting (~30 ms, a tenth of a cold validate), and its grouping depends on
 * the ICU data of the Node build (`bg` does not group four-digit numbers).
 */
export function groupDigits(intDigits: string, separator: string): string {
  let out = "";
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += separator;
    out += intDigits[i];
  }
  return out;
}

/** A whole number in an English message, grouped with commas: 10000 → "10,000". */
export function countText(n: number): string {
  const whole = Math.trunc(n);
  return `${whole < 0 ? "-" : ""}${groupDigits(String(Math.abs(whole)), ",")}`;
}
