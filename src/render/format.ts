/**
 * Number, money, percent and date formatting per document language.
 * Written by hand (not Intl) so the output does not depend on the ICU data of the Node build:
 * Intl's `bg` locale, for instance, does not group 4-digit numbers, while Bulgarian grant forms do.
 */
import { groupDigits } from "../domain/digits.js";
import type { Lang } from "../domain/languages.js";

export type { Lang };
export type Currency = "EUR" | "BGN";

/**
 * Thousands separator in both languages: a no-break space, so a number never wraps across lines.
 * English too: the EU Interinstitutional Style Guide 6.5 groups thousands with a space, never a
 * comma (“152 231.324567”), and its 7.3.3 writes amounts “EUR 12 500”.
 */
export const NBSP = "\u00a0";

/** Fixed-point rendering without float noise: 0.1 + 0.2 prints as 0.3 at 2 decimals. */
function splitFixed(n: number, decimals: number): { neg: boolean; int: string; frac: string } {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac = ""] = fixed.split(".");
  const neg = n < 0 && /[1-9]/.test(fixed);
  return { neg, int: int ?? "0", frac };
}

function digits(n: number, lang: Lang, minDecimals: number, maxDecimals: number): string {
  const { neg, int, frac } = splitFixed(n, maxDecimals);
  let f = frac;
  while (f.length > minDecimals && f.endsWith("0")) f = f.slice(0, -1);
  const intPart = groupDigits(int, NBSP);
  const dec = lang === "bg" ? "," : ".";
  return (neg ? "-" : "") + intPart + (f ? dec + f : "");
}

export function formatNumber(n: number, lang: Lang, maxDecimals = 2): string {
  return digits(n, lang, 0, maxDecimals);
}

/**
 * An amount with its ISO 4217 code, never the `€` sign (reserved for graphics): English puts the
 * code first (`EUR 12 500.00`, Interinstitutional Style Guide 7.3.3, English version), Bulgarian
 * after the amount (`12 500,00 EUR`, the same section of the Bulgarian version, and the БНБ
 * guidance on writing euro amounts), with a no-break space. Always two decimals, so every amount
 * of a table has the same decimals.
 */
export function formatMoney(n: number, lang: Lang, currency: Currency = "EUR"): string {
  const neg = n < 0 && Math.abs(n) >= 0.005;
  const body = digits(Math.abs(n), lang, 2, 2);
  const sign = neg ? "-" : "";
  if (lang === "bg") return sign + body + NBSP + currency;
  return currency + NBSP + sign + body;
}

/** The pattern formatMoney produces, for checks that a text holds no amount in another convention. */
export const MONEY_PATTERN: Record<Lang, RegExp> = {
  en: /(?:EUR|BGN)\u00a0-?\d{1,3}(?:\u00a0\d{3})*\.\d{2}(?!\d)/gu,
  bg: /-?\d{1,3}(?:\u00a0\d{3})*,\d{2}\u00a0(?:EUR|BGN)/gu,
};

/** `x` is a fraction: 0.5 → "50 %" (bg, with a no-break space as Bulgarian typography asks) / "50%" (en). */
export function formatPercent(x: number, lang: Lang): string {
  const body = digits(x * 100, lang, 0, 2);
  return lang === "bg" ? body + NBSP + "%" : body + "%";
}

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** Accepts `YYYY-MM-DD` (the input contract) or a Date; returns null when it is not a real date. */
export function parseDate(d: unknown): { y: number; m: number; day: number } | null {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) return null;
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  if (typeof d !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.trim());
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), day = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, day));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== day) return null;
  return { y, m: mo, day };
}

export function formatDate(d: unknown, lang: Lang): string | null {
  const p = parseDate(d);
  if (!p) return null;
  if (lang === "bg") {
    return `${String(p.day).padStart(2, "0")}.${String(p.m).padStart(2, "0")}.${p.y}${NBSP}г.`;
  }
  return `${p.day} ${EN_MONTHS[p.m - 1]} ${p.y}`;
}

/**
 * A phrase in the language's quotation marks, any quotes inside it turned into the second-level
 * pair so a name with its own quotes never ends in a doubled closing mark („ЕЦИХ „Загоре““).
 * Bulgarian: „…‚…‘…“ (inner ‚…‘, see docs/TEMPLATES.md for the source); English: “…‘…’…”.
 */
export function quote(text: string, lang: Lang): string {
  const [open, close, innerOpen, innerClose] = lang === "bg" ? ["„", "“", "‚", "‘"] : ["“", "”", "‘", "’"];
  let depth = 0;
  let inner = "";
  for (const ch of text) {
    if (ch === "„" || (ch === "“" && lang === "en" && depth === 0)) { inner += innerOpen; depth++; continue; }
    if ((ch === "“" || ch === "”") && depth > 0) { inner += innerClose; depth--; continue; }
    if (ch === '"') { inner += depth > 0 ? innerClose : innerOpen; depth = depth > 0 ? depth - 1 : depth + 1; continue; }
    inner += ch;
  }
  return open + inner + close;
}
